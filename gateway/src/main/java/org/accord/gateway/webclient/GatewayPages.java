package org.accord.gateway.webclient;

/** The pages the gateway writes itself, outside the web client, in the web client's look: its head and styles. */
public final class GatewayPages {

    private GatewayPages() {
    }

    /** A whole page: {@code title} as "<title> · Accord", {@code body} the body's lines, each ending its line. */
    public static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s · Accord</title>
                  <link rel="icon" href="data:,">
                  <link rel="stylesheet" href="/app.css">
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(title, body);
    }
}
