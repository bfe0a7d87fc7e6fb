package dev.collide.store;

import dev.collide.config.DatabaseConfig;
import java.util.Optional;
import java.util.UUID;

/** The store contract on in-memory H2. */
class H2StoresTest extends StoreContractTest {
    @Override
    DatabaseConfig newDatabase() {
        return new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(),
                Optional.empty());
    }
}
