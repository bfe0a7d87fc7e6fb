package dev.collide.notify;

import dev.collide.config.NotifyConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends a digest over SMTP as one multipart/alternative message (plain text first, HTML last, RFC 2046 5.1.4: the
 * richest last). STARTTLS is required when configured, never opportunistic, so a password never crosses in clear.
 * The Message-ID is derived from the date, so a mail client can drop the rare duplicate of a crash-time resend.
 */
public final class DigestMailer {
    private final NotifyConfig.Email config;
    private final Duration timeout;
    private final Clock clock;

    public DigestMailer(NotifyConfig.Email config, Duration timeout, Clock clock) {
        this.config = config;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Returns when the SMTP server accepted the message for every recipient; throws (retryable) otherwise. */
    public void send(Digest digest) throws NotifyException {
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", Integer.toString(config.port()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.startTls()));
        props.put("mail.smtp.auth", Boolean.toString(config.user().isPresent()));
        props.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        props.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        Session session = Session.getInstance(props);
        String messageId = "<digest-" + digest.date() + "." + config.from().replaceAll("[^A-Za-z0-9@.-]", "") + ">";
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(config.from()));
            for (String to : config.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject(digest.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            MimeBodyPart text = new MimeBodyPart();
            text.setText(digest.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(digest.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            if (config.user().isPresent()) {
                Transport.send(message, config.user().get(),
                        config.password().map(p -> p.reveal()).orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw NotifyException.retryable("SMTP server " + config.host() + ":" + config.port()
                    + " did not take the digest for " + digest.date() + ": " + e.getMessage()
                    + "; check notify.email (host, port, startTls, user) and SMTP_PASSWORD", e);
        }
    }
}
