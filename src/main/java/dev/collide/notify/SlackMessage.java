package dev.collide.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.time.LocalDate;

/**
 * An alert as a Slack Block Kit message with a plain-text fallback ({@code text}, shown in notifications). Every
 * string from a feed goes through {@link #escape}: Slack reads {@code <...>} as links and mentions
 * ({@code <!channel>}, {@code <@U123>}) and {@code &} as the start of an entity, so a feed could otherwise ping a
 * whole channel or disguise a link (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
final class SlackMessage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMessage() {
    }

    static String json(Alert alert) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", fallback(alert));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", escape(cut(headline(alert), 150)));
        ObjectNode fields = blocks.addObject().put("type", "section");
        ArrayNode list = fields.putArray("fields");
        if (alert instanceof Alert.CollisionAlert c) {
            StoredCollision col = c.collision();
            field(list, eventField(col.a()));
            field(list, eventField(col.b()));
            field(list, "*Gap*\n" + col.gapDays().map(g -> g + (g == 1 ? " day" : " days")).orElse("unknown"));
            field(list, "*Tier*\n" + escape(col.tier().label()) + (col.rivalry() ? " (rivals)" : ""));
        } else if (alert instanceof Alert.EventAlert e) {
            field(list, eventField(e.event()));
            field(list, "*Sources*\n" + e.event().sourceCount());
        }
        if (!alert.links().isEmpty()) {
            StringBuilder evidence = new StringBuilder("*Evidence*");
            for (Link link : alert.links()) {
                evidence.append("\n• <").append(escape(link.url().toString())).append('|')
                        .append(linkText(link.title())).append("> (").append(escape(link.sourceId())).append(')');
            }
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                    .put("text", cut(evidence.toString(), 3000));
        }
        String context = "<" + escape(alert.archiveLink().toString()) + "|Open in the Collide archive>";
        if (alert instanceof Alert.CollisionAlert c && !c.detail().isBlank()) {
            context += " · " + escape(c.detail());
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", cut(context, 3000));
        return root.toString();
    }

    /** The three characters Slack gives meaning to; everything else is shown as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Inside {@code <url|text>} a '|' or '>' would end the text early. */
    private static String linkText(String title) {
        String text = title.isBlank() ? "article" : title;
        return escape(cut(text.replace('|', '/'), 150));
    }

    static String headline(Alert alert) {
        if (alert instanceof Alert.CollisionAlert c) {
            String prefix = switch (c.change()) {
                case "RETRACTED" -> "Collision retracted: ";
                case "UPDATED" -> "Collision updated: ";
                default -> "Release collision: ";
            };
            return prefix + c.collision().a().model() + " × " + c.collision().b().model();
        }
        StoredEvent e = ((Alert.EventAlert) alert).event();
        return "New release from " + e.lab() + ": " + e.model();
    }

    /** Also the notification preview on phones, so it must read well alone. */
    static String fallback(Alert alert) {
        if (alert instanceof Alert.CollisionAlert c) {
            StoredCollision col = c.collision();
            return escape(headline(c) + " — " + plain(col.a()) + " and " + plain(col.b())
                    + col.gapDays().map(g -> ", " + g + " day(s) apart").orElse("") + ", " + col.tier().label());
        }
        return escape(headline(alert) + " (" + date(((Alert.EventAlert) alert).event()) + ")");
    }

    private static String plain(StoredEvent e) {
        return e.lab() + " " + e.model() + " (" + date(e) + ")";
    }

    private static String eventField(StoredEvent e) {
        return "*" + escape(e.lab()) + "*\n" + escape(e.model()) + "\n" + date(e);
    }

    private static String date(StoredEvent e) {
        return e.date().map(LocalDate::toString).orElse("date unknown")
                + e.precision().filter(p -> !p.equals("DAY") && !p.equals("INSTANT"))
                .map(p -> " (" + p.toLowerCase(java.util.Locale.ROOT) + ")").orElse("");
    }

    private static void field(ArrayNode fields, String mrkdwn) {
        fields.addObject().put("type", "mrkdwn").put("text", cut(mrkdwn, 2000));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
