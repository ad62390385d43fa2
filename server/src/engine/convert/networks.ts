/**
 * Social networks: RenderCV accepts a fixed list and builds each link from
 * the user name; YAMLResume has a list of its own, spelled differently.
 */

/** RenderCV's networks (the latest release) and the link it makes from a user name. */
const RENDERCV_LINKS: Record<string, (username: string) => string | undefined> = {
  LinkedIn: (user) => `https://linkedin.com/in/${user}`,
  GitHub: (user) => `https://github.com/${user}`,
  GitLab: (user) => `https://gitlab.com/${user}`,
  IMDB: (user) => `https://imdb.com/name/${user}`,
  Instagram: (user) => `https://instagram.com/${user}`,
  ORCID: (user) => `https://orcid.org/${user}`,
  Mastodon: (user) => {
    const match = /^@([^@]+)@([^@]+)$/.exec(user);
    return match ? `https://${match[2]}/@${match[1]}` : undefined;
  },
  StackOverflow: (user) => `https://stackoverflow.com/users/${user}`,
  ResearchGate: (user) => `https://researchgate.net/profile/${user}`,
  YouTube: (user) => `https://youtube.com/@${user}`,
  'Google Scholar': (user) => `https://scholar.google.com/citations?user=${user}`,
  Telegram: (user) => `https://t.me/${user}`,
  WhatsApp: (user) => `https://wa.me/${user.replace(/[^\d]/g, '')}`,
  Leetcode: (user) => `https://leetcode.com/u/${user}`,
  X: (user) => `https://x.com/${user}`,
  Bluesky: (user) => `https://bsky.app/profile/${user}`,
  Reddit: (user) => `https://reddit.com/user/${user}`,
};

export const RENDERCV_NETWORKS = Object.keys(RENDERCV_LINKS);

/** YAMLResume's networks (0.13.2). */
export const YAMLRESUME_NETWORKS = [
  'Behance',
  'Discord',
  'Dribbble',
  'Facebook',
  'GitHub',
  'Gitlab',
  'Instagram',
  'Line',
  'LinkedIn',
  'Medium',
  'Pinterest',
  'Reddit',
  'Snapchat',
  'Stack Overflow',
  'Telegram',
  'TikTok',
  'Twitch',
  'Twitter',
  'Vimeo',
  'Weibo',
  'WeChat',
  'WhatsApp',
  'YouTube',
  'Zhihu',
];

const squeeze = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A network name as `list` spells it ("github" → "GitHub", "Stack Overflow" → "StackOverflow"), if it is there. */
export function spelledAs(name: string, list: readonly string[]): string | undefined {
  return list.find((known) => squeeze(known) === squeeze(name));
}

/** The link RenderCV makes for a user name on a network. */
export function renderCvLink(network: string, username: string): string | undefined {
  return RENDERCV_LINKS[network]?.(username);
}

/** Two links to the same page: scheme, `www.`, case of the host and a final slash aside. */
export function sameLink(a: string, b: string): boolean {
  const norm = (url: string) =>
    url
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/+$/, '')
      .replace(/^[^/]+/, (host) => host.toLowerCase());
  return norm(a) === norm(b);
}
