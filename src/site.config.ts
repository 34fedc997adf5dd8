/** The one site configuration: everything an operator sets for their newspaper. */
export interface SiteConfig {
  /** The newspaper's name, shown in the masthead, titles, feeds and JSON-LD. */
  name: string;
  /** One line under the masthead and in the site feed's description. */
  tagline: string;
  /** Public origin the site is served from, without a trailing slash. */
  url: string;
  /** BCP 47 language of the content (html lang, feeds, news sitemap). */
  language: string;
  /** IANA timezone every date is shown in, whatever the reader's or the build machine's. */
  timezone: string;
  /** Masthead logo under public/, also the publisher logo in JSON-LD. */
  logo: { src: string; width: number; height: number };
  /** Link-preview image under public/ for pages without a photo of their own. */
  shareImage: { src: string; width: number; height: number; alt: string };
  /** Links shown in the footer. */
  social: { label: string; url: string }[];
  /** Items per feed. */
  feedItems: number;
  /** Hosts whose iframes (video, social posts) articles may embed; every other embed is refused. */
  embedHosts: string[];
  /**
   * The WebSub hub (https://www.w3.org/TR/websub/) every feed names and `npm run notify` pings after
   * a deploy, so subscribers' readers hear of a story at once instead of at their next poll; false
   * switches WebSub off: no hub links, no pings.
   */
  websubHub: string | false;
  /**
   * Where the editors' CMS at /admin/ saves stories: through Netlify Identity's git-gateway, or
   * GitHub's API signed in through an OAuth proxy (content/README.md, "Filing from the CMS").
   */
  cmsBackend: CmsBackend;
}

/** A Decap CMS backend (https://decapcms.org/docs/backends-overview/). */
export type CmsBackend =
  | { name: 'git-gateway'; branch: string }
  | { name: 'github'; repo: string; branch: string; base_url?: string; auth_endpoint?: string };

export const site: SiteConfig = {
  name: 'The Broadsheet',
  tagline: 'News, business and analysis',
  url: 'https://broadsheet.example',
  language: 'en',
  timezone: 'Asia/Shanghai',
  logo: { src: '/logo.png', width: 600, height: 60 },
  shareImage: { src: '/share.png', width: 1200, height: 630, alt: 'The Broadsheet' },
  social: [],
  feedItems: 50,
  embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'],
  websubHub: 'https://pubsubhubbub.appspot.com/',
  cmsBackend: { name: 'git-gateway', branch: 'main' },
};
