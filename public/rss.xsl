<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS feed opened in a browser as a readable page that explains what a feed is. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
        <link rel="stylesheet" href="/rss.css"/>
      </head>
      <body>
        <main>
          <p class="notice">
            This is an RSS feed. Copy its address from your browser into a feed reader to follow
            <strong><xsl:value-of select="/rss/channel/title"/></strong> as new articles are published.
          </p>
          <h1><xsl:value-of select="/rss/channel/title"/></h1>
          <p class="description"><xsl:value-of select="/rss/channel/description"/></p>
          <p><a href="{/rss/channel/link}">Visit the website →</a></p>
          <ol>
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
                <p class="date"><xsl:value-of select="pubDate"/></p>
                <p><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
