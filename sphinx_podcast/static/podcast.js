/* sphinx-podcast player; labels: this script tag's data- attributes */
(() => {
const d = document, L = (d.currentScript || {}).dataset || {}, CUR = "podcast-current";
const yt = (func, args) => ({event: "command", func, args});
// provider: [rank as the page's player, origin, seek-and-play messages]
const P = {
  audio: [0], video: [0],
  youtube: [1, "https://www.youtube-nocookie.com", t => [yt("seekTo", [t, true]), yt("playVideo", [])]],
  vimeo: [1, "https://player.vimeo.com", t => [{method: "setCurrentTime", value: t}, {method: "play"}]],
  spotify: [2, "https://open.spotify.com", t => [{command: "seek", timestamp: t}, {command: "resume"}]],
};
const all = (s, r) => [...(r || d).querySelectorAll(s)];
const kind = e => e.dataset.provider;
const turns = r => all(".podcast-turn[data-start]", r);
const media = e => e && e.querySelector("audio, video");
const button = (cls, text, label) => {
  const b = d.createElement("button");
  Object.assign(b, {type: "button", className: cls, textContent: text});
  if (label) b.title = label, b.setAttribute("aria-label", label);
  return b;
};
const hashTime = h => {  // #t=754, #t=12:34, #t=1:02:03.5
  const m = /^#t=(\d+(?:(?::|%3A)\d+){0,2}(?:\.\d+)?)$/i.exec(h || "");
  return m && m[1].split(/:|%3A/i).reduce((a, x) => a * 60 + +x, 0);
};
// an episode's turns and players: the nearest ancestor holding its header (singlehtml: several)
const scope = el => {
  for (let a = el && el.parentElement; a; a = a.parentElement) if (a.querySelector(".podcast-episode")) return a;
  return d.body;
};
const player = r => all(".podcast-embed", r).filter(e => P[kind(e)])
  .reduce((b, e) => (!b || P[kind(e)][0] < P[kind(b)][0] ? e : b), null);

const current = new Map();
let follow = false;
const show = el => el && el.scrollIntoView({block: "center"});  // smooth if the theme's CSS says so
const mark = (r, t) => {
  let now = null;
  for (const el of turns(r)) { if (+el.dataset.start > t + 0.25) break; now = el; }
  const old = current.get(r);
  if (now === old) return;
  if (old) old.classList.remove(CUR);
  if (now) now.classList.add(CUR);
  if (follow) show(now);
  current.set(r, now);
};
const setFollow = on => {
  follow = on;
  for (const b of all(".podcast-follow")) b.setAttribute("aria-pressed", on);
  if (on) show(d.querySelector("." + CUR));
};
const away = () => follow && setFollow(false);  // the reader scrolled
for (const type of ["wheel", "touchmove"]) addEventListener(type, away, {passive: true});
addEventListener("keydown", ev => /^(Page|Arrow[UD]|Home|End)/.test(ev.key) && away());

const post = (e, f, m) => f.contentWindow &&
  f.contentWindow.postMessage(kind(e) === "spotify" ? m : JSON.stringify(m), P[kind(e)][1]);
const listen = (e, f) => kind(e) === "youtube" && post(e, f, {event: "listening", id: 1, channel: "widget"});
const load = (e, t) => {  // the iframe waits, inert, in a <template> until the reader asks
  const tpl = e.querySelector("template"), box = e.querySelector(".podcast-embed-placeholder");
  if (!tpl || !box) return;
  const f = tpl.content.firstElementChild.cloneNode(true), u = new URL(f.src), p = kind(e), q = u.searchParams;
  if (t == null) t = +e.dataset.start || 0;
  if (p !== "spotify") q.set("autoplay", 1);
  if (p === "youtube") q.set("start", t | 0), location.origin.startsWith("http") && q.set("origin", location.origin);
  if (p === "vimeo" && t) u.hash = "t=" + (t | 0) + "s";
  f.src = u.href;
  f.addEventListener("load", () => {
    listen(e, f);
    if (p === "spotify" && t) setTimeout(() => P[p][2](t).forEach(m => post(e, f, m)), 1500);
  });
  box.replaceWith(f);
  tpl.remove();
  f.focus();
};
const to = (m, t) => m.readyState ? m.currentTime = t
  : m.addEventListener("loadedmetadata", () => { m.currentTime = t; }, {once: true});
const seek = (e, t) => {
  const m = media(e), f = e.querySelector("iframe");
  if (m) to(m, t), m.play().catch(() => {});
  else if (f) P[kind(e)][2](t).forEach(x => post(e, f, x));
  else load(e, t);
};
addEventListener("message", ev => {  // YouTube reports its time
  const f = all(".podcast-embed iframe").find(x => x.contentWindow === ev.source);
  const e = f && f.closest(".podcast-embed");
  let m = ev.data;
  if (!e || ev.origin !== P[kind(e)][1]) return;
  try { if (typeof m === "string") m = JSON.parse(m); } catch (err) { return; }
  const t = m && m.info && m.info.currentTime;
  if (typeof t === "number") mark(scope(e), t);
});

const copy = b => {  // a highlight's link to its moment, else the page URL with the turn's #t=
  const moment = b.parentElement.querySelector(".podcast-soundbite-link");
  const url = b.dataset.url = moment ? moment.href
    : location.href.split("#")[0] + "#t=" + b.closest(".podcast-turn").dataset.start;
  const done = () => { b.classList.add("podcast-copied"); setTimeout(() => b.classList.remove("podcast-copied"), 1500); };
  const fallback = () => { history.replaceState(null, "", url); done(); };
  if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, fallback); else fallback();
};
d.addEventListener("click", ev => {
  const el = ev.target.closest && ev.target.closest("a[href^='#t='], .podcast-embed-load, .podcast-copy");
  if (!el || ev.button || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
  if (el.matches(".podcast-copy")) return copy(el);
  if (el.matches("button")) return load(el.closest(".podcast-embed"));
  const t = hashTime(el.getAttribute("href")), r = scope(el), p = player(r);
  if (t == null || !p) return;
  ev.preventDefault();
  seek(p, t);
  mark(r, t);
});
const fromHash = () => {  // an embed starts there once loaded
  const t = hashTime(location.hash), r = scope(d.querySelector(".podcast-episode")), p = player(r);
  if (t == null) return;
  if (media(p)) to(media(p), t);
  else if (p) p.dataset.start = t;
  mark(r, t);
  show(current.get(r));
};
addEventListener("hashchange", fromHash);

for (const el of all(".podcast-turn[data-start] .podcast-turn-label, .podcast-soundbite figcaption")) {
  el.append(button("podcast-copy", "", L.copy));
}
for (const r of new Set(turns().map(scope))) {
  const p = player(r), m = media(p);
  if (!p || kind(p) === "spotify") continue;
  if (m) for (const type of ["timeupdate", "seeked"]) m.addEventListener(type, () => mark(r, m.currentTime));
  const b = p.appendChild(button("podcast-follow", L.follow));
  b.setAttribute("aria-pressed", false);
  b.onclick = () => setFollow(!follow);
}
for (const f of all(".podcast-embed iframe")) {
  const e = f.closest(".podcast-embed");
  f.addEventListener("load", () => listen(e, f));
}
fromHash();
})();
