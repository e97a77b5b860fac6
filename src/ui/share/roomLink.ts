/**
 * The address students type or scan: this page's own address with another hash route, so it works
 * wherever the app is served (a sub-folder included).
 */
export function absoluteLink(hash: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${hash}`;
}

/** The link as it is read out loud or typed: without the scheme, which every browser adds. */
export function readableLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}
