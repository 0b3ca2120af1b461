/**
 * The site's whole stylesheet, inline in every page (no request for assets, nothing external). Light by default,
 * dark under `prefers-color-scheme: dark`; both palettes meet WCAG AA contrast for text and links, and focus is
 * always visible. A passage reached from a quote (`:target`, or `.quoted` from `?q=`) is marked so it stands out
 * in either theme. The Content-Security-Policy allows exactly this text by its hash (see `STYLE_HASH`).
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--muted:#4f4f4f;--link:#0b57b0;--line:#d7d7d2;--mark:#fff1a8;--mark-edge:#b78a00;--card:#f3f3ef}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e8e6e3;--muted:#b4b1ac;--link:#8cb8ff;--line:#3a3d44;--mark:#463a00;--mark-edge:#e0b341;--card:#1e2127}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--link);text-underline-offset:.15em}
a:focus-visible,main:focus-visible,.passage:focus-visible{outline:3px solid var(--link);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:var(--bg);padding:.5rem .75rem;border:2px solid var(--link);z-index:1}
.skip:focus{top:.5rem}
header,main,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid var(--line)}
header nav{display:flex;gap:1.25rem;flex-wrap:wrap;padding:.75rem 0;font-weight:600}
header nav a[aria-current=page]{color:var(--fg);text-decoration:none}
h1{font-size:1.6rem;line-height:1.25;margin:1.25rem 0 .5rem}
h2{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .5rem}
.lede,.meta,footer,.also,.count{color:var(--muted)}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:.75rem 0 1.25rem;font-size:.95rem}
.meta dt{font-weight:600}
.meta dd{margin:0;overflow-wrap:anywhere}
@media (max-width:40rem){.meta{grid-template-columns:1fr}.meta dd{margin-bottom:.45rem}}
.sources,.timeline{list-style:none;padding:0;margin:0}
.sources li,.timeline li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.sources h2{margin:0 0 .25rem;font-size:1.1rem}
.sources p,.timeline p{margin:.25rem 0}
details{margin:.25rem 0;font-size:.95rem}
summary{cursor:pointer;color:var(--muted)}
details p{color:var(--muted)}
.body p{margin:0 0 1rem}
.passage{scroll-margin-top:4rem}
.passage:target,.passage.quoted{background:var(--mark);padding:.22em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.passage:target .pid,.passage.quoted .pid{color:var(--fg)}
.body p:has(.passage:target),.body p:has(.quoted){border-left:.25rem solid var(--mark-edge);padding-left:.5rem;margin-left:-.75rem}
.quoted-note{border-left:4px solid var(--mark-edge);padding-left:.75rem}
mark{color:inherit;background:none}
.pid{font-size:.75rem;text-decoration:none;color:var(--muted);margin-left:.2rem;vertical-align:super}
.pid:hover,.pid:focus-visible{text-decoration:underline}
.also{display:block;font-size:.9rem;margin-top:.15rem}
blockquote{margin:.35rem 0;padding-left:.75rem;border-left:3px solid var(--line)}
time{font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap}
figure{margin:1rem 0}
figure img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px}
.picture{width:min(calc(100vw - 2rem),87.5rem);margin-left:calc(50% - min(50vw - 1rem,43.75rem));overflow-x:auto}
.picture img{max-width:none;width:100%;min-width:56rem}
figcaption{font-size:.95rem;margin-top:.35rem}
main section h2{position:sticky;top:0;background:var(--bg);padding:.35rem 0;margin-bottom:0}
.pager{display:flex;gap:1rem;justify-content:space-between;margin:1rem 0}
footer{border-top:1px solid var(--line);margin-top:2rem;padding-top:.75rem;padding-bottom:1.5rem;font-size:.9rem}
`.trim();

/** The CSP source expression that allows `STYLE` and no other inline style. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
