import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link that does not prefetch unless asked (`prefetch`). Baton's pages are all dynamic and none has a loading
 * boundary, so a prefetch brings back a few hundred bytes the navigation cannot use, and costs the server a pass
 * through the proxy and the layouts (about 30 ms each on a 2-core machine). The Delegated page has some sixty links
 * in view (rows, sort headers, status chips, navigation): sixty such requests for every page shown. Links are
 * followed as ordinary client-side navigations all the same. ESLint keeps next/link to this file.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
