<?xml version="1.0" encoding="utf-8"?>
<!-- Safeguarding Digest: shows a news feed as a readable page when someone taps "follow" in a
     browser, and says what a feed is for. Feed readers ignore this and read the feed itself. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/a:feed">
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>News feed: <xsl:value-of select="a:title"/></title>
        <style>
          body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1f1f1f; }
          header { background: #0b4f6c; color: #fff; padding: 1rem; }
          main { max-width: 40rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
          a { color: #0b57a4; }
          a:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
          .about { background: #f3f2f1; border-left: 4px solid #0b4f6c; padding: 0.5rem 1rem; }
          code { word-break: break-all; }
        </style>
      </head>
      <body>
        <header><p style="margin:0">Safeguarding Digest</p></header>
        <main>
          <h1>News feed: <xsl:value-of select="a:title"/></h1>
          <div class="about">
            <p>This is a news feed. It lists what is new on the site, newest first.</p>
            <p>To be told about new meetings and reports, copy this page's address into a news
              reader app (search your app store for "RSS reader"). You do not need to sign up
              to anything on this site.</p>
            <p>Its address: <code><xsl:value-of select="a:link[@rel='self']/@href"/></code></p>
          </div>
          <h2>What is new</h2>
          <xsl:choose>
            <xsl:when test="a:entry">
              <ul>
                <xsl:for-each select="a:entry">
                  <li>
                    <a href="{a:link[@rel='alternate']/@href}"><xsl:value-of select="a:title"/></a>
                    (<xsl:value-of select="substring(a:updated, 1, 10)"/>):
                    <xsl:value-of select="a:summary"/>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p>Nothing yet.</p></xsl:otherwise>
          </xsl:choose>
          <p><a href="{a:link[@rel='alternate']/@href}">Back to Safeguarding Digest</a></p>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
