/* sphinx-podcast: one player per episode, timestamps and deep links, the docked player bar,
   transcript search. Labels: this script tag's data- attributes. No inline script anywhere.
   Served without its comments (sphinx_podcast/assets.py): no template literal with ${…}. */
(() => {
"use strict";

const labels = (document.currentScript || {}).dataset || {};  // "copy"; the search page's filters
const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
const findAll = (selector, root) => [...(root || document).querySelectorAll(selector)];
const motion = () => (reducedMotion.matches ? "instant" : "smooth");
const TIMED = ".podcast-turn[data-start], .podcast-turn[data-estimated-start]";

/* ---- times ---- */

/** Seconds of "754", "12:34" or "1:02:03.5"; NaN if it is no time. */
function parseClock(text) {
  if (!/^\d+(\.\d+)?$|^\d+(:\d\d?){1,2}(\.\d+)?$/.test(text)) return NaN;
  return text.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

/** {start, end} of "#t=754", "#t=12:34" or "#t=800,900" (Media Fragments, Podlove), or null. */
function parseMoment(fragment) {
  const match = /^#t=(?:npt:)?([\d:.]*)(?:,([\d:.]+))?$/.exec((fragment || "").replace(/%3A/gi, ":"));
  const start = match && (match[1] ? parseClock(match[1]) : 0);
  if (!match || Number.isNaN(start)) return null;
  const end = match[2] ? parseClock(match[2]) : NaN;
  return {start, end: end > start ? end : undefined};
}

function formatClock(seconds) {
  const whole = Math.max(0, Math.floor(seconds || 0)), hours = Math.floor(whole / 3600);
  const clock = [Math.floor(whole / 60) % 60, whole % 60].map((part) => String(part).padStart(2, "0")).join(":");
  return hours ? hours + ":" + clock : clock;
}

/** A turn's own start, else the estimate the transcript exports use too. */
const turnStart = (turn) => Number(turn.dataset.start || turn.dataset.estimatedStart);
const momentUrl = (seconds) => location.href.split("#")[0] + "#t=" + Math.floor(seconds);

function covers(ranges, seconds) {
  for (let index = 0; index < ranges.length; index++) {
    if (ranges.start(index) <= seconds && seconds <= ranges.end(index)) return true;
  }
  return false;
}

/* ---- sources: an audio/video element or a provider's iframe ---- */

const sources = [];

/* What each provider's iframe understands (the messages its own player API sends). */
const youtube = (func, args) => JSON.stringify({event: "command", func, args: args || [], id: 1, channel: "widget"});
const vimeo = (method, value) => JSON.stringify({method, value});
const FRAME_APIS = {
  youtube: {
    origin: "https://www.youtube-nocookie.com",
    hello: [JSON.stringify({event: "listening", id: 1, channel: "widget"})],
    play: () => [youtube("playVideo")],
    pause: () => [youtube("pauseVideo")],
    seek: (time) => [youtube("seekTo", [time, true]), youtube("playVideo")],
    rate: (rate) => [youtube("setPlaybackRate", [rate])],
    prepare(url, start) {
      url.searchParams.set("start", start);
      if (location.origin.startsWith("http")) url.searchParams.set("origin", location.origin);
    },
    receive(source, message) {  // playerState: 1 playing, 3 buffering, 2 paused, 0 ended
      const info = message.event === "onStateChange" ? {playerState: message.info} : message.info || {};
      if (info.duration > 0) source.duration = info.duration;
      if (info.playbackRate) source.rate = info.playbackRate;
      if (info.playerState >= 0 && info.playerState < 4) source.setPlaying(info.playerState % 2 === 1);
      if (typeof info.currentTime === "number") source.setTime(info.currentTime);
    },
  },
  vimeo: {
    origin: "https://player.vimeo.com",
    hello: [],
    play: () => [vimeo("play")],
    pause: () => [vimeo("pause")],
    seek: (time) => [vimeo("setCurrentTime", time), vimeo("play")],
    rate: (rate) => [vimeo("setPlaybackRate", rate)],
    prepare(url, start) { if (start) url.hash = "t=" + start + "s"; },
    receive(source, message) {
      const data = message.data || {}, event = message.event;
      if (event === "ready") {
        source.post(...["play", "pause", "ended", "timeupdate", "playbackratechange"].map((name) => vimeo("addEventListener", name)));
      }
      if (event === "play" || event === "pause" || event === "ended") source.setPlaying(event === "play");
      if (data.playbackRate) source.rate = data.playbackRate;
      if (data.duration > 0) source.duration = data.duration;
      if (event === "timeupdate") source.setTime(data.seconds);
    },
  },
  spotify: {  // seeks to about a second; no speed control
    origin: "https://open.spotify.com",
    hello: [],
    play: () => [{command: "resume"}],
    pause: () => [{command: "pause"}],
    seek: (time) => [{command: "seek", timestamp: time}, {command: "resume"}],
    prepare() {},
    receive(source, message) {
      const payload = message.payload;
      if (message.type !== "playback_update" || !payload) return;
      if (payload.duration > 0) source.duration = payload.duration / 1000;
      source.setPlaying(!payload.isPaused);
      source.setTime(payload.position / 1000);
    },
  },
};
/* which source an episode plays first: files, then videos, then Spotify */
const RANK = {audio: 0, video: 0, youtube: 1, vimeo: 1, spotify: 2};

class Source {
  constructor(embed) {
    this.embed = embed;
    this.provider = embed.dataset.provider;
    this.api = FRAME_APIS[this.provider];
    this.media = embed.querySelector("audio, video");
    this.time = Number(embed.dataset.start) || 0;
    const header = embed.closest("[data-duration]");
    this.duration = header ? Number(header.dataset.duration) : NaN;
    this.rate = 1;
    this.playing = false;
    sources.push(this);
    if (this.media) this.watchMedia(this.media);
    const frame = this.frame;
    if (frame) frame.addEventListener("load", () => this.hello());  // written eagerly
  }
  watchMedia(media) {
    media.addEventListener("play", () => this.setPlaying(true));
    media.addEventListener("pause", () => this.setPlaying(false));
    media.addEventListener("timeupdate", () => this.setTime(media.currentTime));
    for (const type of ["durationchange", "ratechange"]) {
      media.addEventListener(type, () => {
        if (Number.isFinite(media.duration)) this.duration = media.duration;
        this.rate = media.playbackRate;
        if (this === playing) updateDock();
      });
    }
    // Without byte ranges a browser seeks only into what it has loaded: try again as more arrives.
    for (const type of ["loadedmetadata", "progress", "canplaythrough"]) media.addEventListener(type, () => this.retrySeek());
    // A <source> that fails reports on itself, not on the media element.
    this.embed.addEventListener("error", () => {
      if (media.error || media.networkState === media.NETWORK_NO_SOURCE) {
        for (const message of findAll(".podcast-media-error", this.embed)) message.hidden = false;
      }
    }, true);
  }
  get frame() { return this.embed.querySelector("iframe"); }
  get loaded() { return Boolean(this.media || this.frame); }
  setPlaying(playing) {
    if (playing === this.playing) return;
    this.playing = playing;
    sourceChanged(this, playing ? "play" : "pause");
  }
  setTime(seconds) {
    this.time = seconds;
    sourceChanged(this, "time");
  }
  post(...messages) {
    const frame = this.frame;
    for (const message of messages) if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, this.api.origin);
  }
  hello() {
    this.post(...this.api.hello);
    if (this.provider === "spotify" && this.time) setTimeout(() => this.seek(this.time), 1500);
  }
  /** Put a provider's iframe, waiting in a <template>, in the page: only after a click. */
  load(start, focus) {
    const template = this.embed.querySelector("template");
    const placeholder = this.embed.querySelector(".podcast-embed-placeholder");
    if (!template || !placeholder) return;
    const frame = template.content.firstElementChild.cloneNode(true), url = new URL(frame.src);
    if (start !== undefined) this.time = start;
    if (this.provider !== "spotify") url.searchParams.set("autoplay", 1);
    this.api.prepare(url, Math.floor(this.time));
    frame.src = url.href;
    frame.loading = "eager";  // a timestamp far down the page may load it out of view
    frame.addEventListener("load", () => this.hello());
    placeholder.replaceWith(frame);
    template.remove();
    this.setPlaying(true);  // it autoplays: any other source stops
    if (focus) frame.focus({preventScroll: true});
  }
  play() {
    if (this.media) this.media.play().catch(() => {});
    else if (this.frame) this.post(...this.api.play());
    else this.load(undefined, false);
  }
  pause() {
    if (this.media) this.media.pause();
    else if (this.frame) this.post(...this.api.pause());
  }
  seek(seconds) {
    this.time = seconds;
    if (this.media) { this.wanted = seconds; this.retrySeek(); }
    else if (this.frame) this.post(...this.api.seek(seconds));
  }
  retrySeek() {
    const media = this.media, wanted = this.wanted;
    if (wanted === undefined || !media.readyState) return;
    media.currentTime = wanted;
    if (Math.abs(media.currentTime - wanted) < 1) this.wanted = undefined;
    else if (covers(media.buffered, wanted) && !covers(media.seekable, wanted)) this.loadWhole();
  }
  /** Served without byte ranges, a file the browser has whole still does not seek (Chrome);
      the same file from memory does. Same-origin files only. */
  loadWhole() {
    const media = this.media, url = media.currentSrc, resume = !media.paused;
    if (this.whole || !url || new URL(url).origin !== location.origin) return;
    this.whole = true;
    fetch(url).then((response) => response.blob()).then((blob) => {
      media.src = URL.createObjectURL(blob);
      if (resume) media.play().catch(() => {});
    });
  }
  setRate(rate) {
    if (this.media) this.media.playbackRate = rate;
    else if (this.frame && this.api.rate) this.post(...this.api.rate(rate));
  }
}

addEventListener("message", (event) => {
  const source = sources.find((candidate) => candidate.frame && candidate.frame.contentWindow === event.source);
  if (!source || event.origin !== source.api.origin) return;
  let message = event.data;
  try { if (typeof message === "string") message = JSON.parse(message); } catch (error) { return; }
  if (message && typeof message === "object") source.api.receive(source, message);
});

/* ---- episodes: the sources, turns and chapters that belong together ---- */

const episodes = [];

/** The element holding an episode's header and transcript (singlehtml has several). */
function episodeRoot(element) {
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    if (ancestor.querySelector(".podcast-episode")) return ancestor;
  }
  return document.body;
}
const episodeOf = (element) => episodes.find((episode) => episode.root === episodeRoot(element));

class Episode {
  constructor(root) {
    const header = root.querySelector(".podcast-episode");
    this.root = root;
    this.turns = findAll(TIMED, root);
    this.chapters = JSON.parse((header && header.dataset.chapters) || "[]").map(([start, title]) => ({start, title}));
    this.sources = [];
    episodes.push(this);
  }
  addSource(source) {
    this.sources.push(source);
    source.episode = this;
    if (!this.active || RANK[source.provider] < RANK[this.active.provider]) this.active = source;
  }
  turnAt(seconds) {
    let found = null;
    for (const turn of this.turns) {
      if (turnStart(turn) > seconds + 0.25) break;
      found = turn;
    }
    return found;
  }
  /** Highlight the turn spoken at `seconds` (and keep it in view while following). */
  mark(seconds) {
    const now = this.turnAt(seconds);
    if (now === this.current) return;
    if (this.current) this.current.classList.remove("podcast-current");
    if (now) now.classList.add("podcast-current");
    this.current = now;
    if (following) reveal(now, motion());
  }
  chapterAt(seconds) {
    return this.chapters.filter((chapter) => chapter.start <= seconds + 0.25).length - 1;
  }
}

/* ---- playing: one stream at a time ---- */

let playing = null;  // the source the dock controls: the one started or chosen last

function sourceChanged(source, what) {
  const episode = source.episode;
  if (what === "play") sources.forEach((other) => other !== source && other.loaded && other.pause());
  if (!episode) return;  // an embed beside an episode's own players
  if (what === "play") {
    if (episode.active !== source) choose(episode, source);
    playing = source;
    wantDock();
  }
  if (episode.active === source && what === "time") {
    episode.mark(source.time);
    if (source.time >= episode.stopAt) {  // the end of a #t=start,end moment
      episode.stopAt = undefined;
      source.pause();
    }
  }
  if (source === playing) updateDock();
}

/** Play `episode` from `seconds` (a timestamp, a chapter, a search match), until `end`. */
function playFrom(episode, seconds, end) {
  const source = episode.active;
  episode.mark(seconds);
  if (!source) return;
  episode.stopAt = end;
  playing = source;
  if (source.loaded) { source.seek(seconds); source.play(); } else source.load(seconds, false);
  wantDock();
  updateDock();
}

/* ---- the source switcher: "Listen: Audio · YouTube · Spotify" ---- */

const CHOICE = "sphinx-podcast-source";

function choose(episode, source, remember) {
  const previous = episode.active;
  if (previous && previous !== source) {
    if (previous.playing) previous.pause();
    if (!source.loaded) source.time = previous.time;  // go on from there
  }
  episode.active = source;
  for (const candidate of episode.sources) {
    if (!candidate.button) continue;
    candidate.button.setAttribute("aria-pressed", candidate === source);
    candidate.embed.hidden = candidate !== source;
  }
  try { if (remember) localStorage.setItem(CHOICE, source.provider); } catch (error) { /* storage off */ }
  if (playing && playing.episode === episode) { playing = source; watchPlayer(); }
}

function setUpSwitch(switcher) {
  const episode = episodeOf(switcher);
  let remembered = null;
  try { remembered = localStorage.getItem(CHOICE); } catch (error) { /* storage off */ }
  for (const button of findAll("button[data-provider]", switcher)) {
    const source = episode.sources.find((candidate) => candidate.provider === button.dataset.provider);
    if (!source) { button.remove(); continue; }
    source.button = button;
    button.addEventListener("click", () => choose(episode, source, true));
  }
  const preferred = episode.sources.find((source) => source.button && source.provider === remembered);
  choose(episode, preferred || episode.active);
}

/* ---- following the transcript ---- */

let following = false;

/** Scroll `element` to the middle of the window, unless it is in view already. */
function reveal(element, behavior) {
  if (!element) return;
  const box = element.getBoundingClientRect();
  if (behavior !== "force" && box.top >= 0 && box.bottom <= innerHeight - bottomRoom()) return;
  element.scrollIntoView({block: "center", behavior: behavior === "force" ? "instant" : behavior});
}

function setFollowing(on) {
  following = on;
  findAll(".podcast-follow").forEach((button) => button.setAttribute("aria-pressed", on));
  const episode = playing ? playing.episode : episodes[0];
  if (on && episode) reveal(episode.current, motion());
}
const stopFollowing = () => following && setFollowing(false);  // the reader scrolls
addEventListener("wheel", stopFollowing, {passive: true});
addEventListener("touchmove", stopFollowing, {passive: true});
addEventListener("keydown", (event) => {
  if (/^(Page|Arrow[UD]|Home|End)/.test(event.key) && !event.target.closest("input, select")) stopFollowing();
});

/* ---- buttons ---- */

/** Copy `url` (or, without a clipboard, put it in the address bar). */
function copyLink(button, url) {
  const done = () => {
    button.classList.add("podcast-copied");
    setTimeout(() => button.classList.remove("podcast-copied"), 1500);
  };
  const inAddressBar = () => { history.replaceState(null, "", url); done(); };
  button.dataset.url = url;
  if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, inAddressBar);
  else inAddressBar();
}

/* ---- the docked player bar (its markup and labels are the page's, hidden until used) ---- */

let dock = null, dockWanted = false, playerInView = true, viewObserver = null;
const parts = {};
const skip = (seconds) => playFrom(playing.episode, Math.max(0, Math.min(playing.time + seconds, playing.duration || Infinity)));
const DOCK_ACTIONS = {
  previous: () => jumpChapter(-1),
  back: () => skip(-15),
  play: () => (playing.playing ? playing.pause() : playFrom(playing.episode, playing.time)),
  forward: () => skip(30),
  next: () => jumpChapter(1),
  speed: () => playing.setRate(Number(parts.speed.value)),
  seek: () => playFrom(playing.episode, Number(parts.seek.value)),
  follow: () => setFollowing(!following),
  share: () => copyLink(parts.share, momentUrl(playing.time)),
  close: closeDock,
};

function setUpDock(element) {
  dock = element;
  for (const control of findAll("[data-action]", dock)) {
    const action = control.dataset.action;
    parts[action] = control;
    control.addEventListener(control.matches("button") ? "click" : action === "seek" ? "input" : "change", DOCK_ACTIONS[action]);
  }
  parts.chapter = dock.querySelector(".podcast-dock-chapter");
  parts.clock = dock.querySelector(".podcast-dock-time");
  dock.addEventListener("keydown", (event) => event.key === "Escape" && closeDock());
  document.body.append(dock);  // out of any container that could clip it
  new ResizeObserver(updateRoom).observe(dock);
}

/** To the next chapter, or back to the start of this one (of the one before, when near its start). */
function jumpChapter(step) {
  const episode = playing.episode, chapters = episode.chapters, current = episode.chapterAt(playing.time);
  const nearStart = current >= 0 && playing.time - chapters[current].start < 3;
  const index = step > 0 ? current + 1 : Math.max(0, nearStart ? current - 1 : current);
  if (chapters[index]) playFrom(episode, chapters[index].start);
}

/** Close: the bar goes, and so does the sound (nothing may play without a control in view). */
function closeDock() {
  const control = playing.embed.querySelector("audio, video, iframe, button");
  playing.pause();
  dockWanted = false;
  updateDock();
  if (control) control.focus({preventScroll: true});
}

function wantDock() {
  if (!playing || !dock) return;
  dockWanted = true;
  watchPlayer();
}

/** The bar shows while the player it stands for is out of view. */
function watchPlayer() {
  viewObserver = viewObserver || new IntersectionObserver((entries) => {
    playerInView = entries[entries.length - 1].isIntersecting;
    updateDock();
  });
  viewObserver.disconnect();
  viewObserver.observe(playing.embed);
}

function updateDock() {
  if (!dock || !playing) return;
  const show = dockWanted && !playerInView, source = playing, total = source.duration || 0;
  if (dock.hidden === show) {
    dock.hidden = !show;
    updateRoom();
  }
  if (!show) return;
  const chapter = source.episode.chapters[source.episode.chapterAt(source.time)];
  dock.classList.toggle("podcast-playing", source.playing);
  parts.play.setAttribute("aria-label", parts.play.title = parts.play.dataset[source.playing ? "pause" : "play"]);
  parts.clock.textContent = formatClock(source.time) + (total ? " / " + formatClock(total) : "");
  parts.chapter.textContent = chapter ? chapter.title : "";
  parts.seek.max = Math.ceil(total || source.time || 1);
  if (document.activeElement !== parts.seek) parts.seek.value = Math.floor(source.time);
  parts.seek.setAttribute("aria-valuetext", parts.clock.textContent);
  parts.speed.disabled = !source.media && !source.api.rate;
  if (document.activeElement !== parts.speed) parts.speed.value = source.rate;
  parts.previous.hidden = parts.next.hidden = source.episode.chapters.length < 2;
}

/* The page gets room for the docked bar: no text stays under it. */
const bottomRoom = () => (dock && !dock.hidden ? dock.offsetHeight : 0);

function updateRoom() {
  document.documentElement.style.setProperty("--podcast-room", bottomRoom() + "px");
  document.documentElement.classList.toggle("podcast-docked", bottomRoom() > 0);
}

/* ---- links to moments ---- */

document.addEventListener("click", (event) => {
  if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const target = event.target.closest("a[href^='#t='], .podcast-embed-load, .podcast-copy");
  if (!target) return;
  if (target.matches(".podcast-copy")) {  // a highlight's own link, else the turn's moment
    const link = target.parentElement.querySelector(".podcast-soundbite-link");
    return copyLink(target, link ? link.href : momentUrl(turnStart(target.closest(".podcast-turn"))));
  }
  if (target.matches(".podcast-embed-load")) {
    const source = sources.find((candidate) => candidate.embed === target.closest(".podcast-embed"));
    if (source) source.load(undefined, true);
    return;
  }
  const moment = parseMoment(target.getAttribute("href")), episode = episodeOf(target);
  if (!moment || !episode) return;
  event.preventDefault();
  playFrom(episode, moment.start, moment.end);
  const turn = episode.turnAt(moment.start);
  if (turn && !turn.contains(target)) reveal(turn, motion());
});

/** The page opened at a moment (#t=…): highlight its turn, scroll to it, set the player there. */
function openMoment(behavior) {
  const moment = parseMoment(location.hash);
  const episode = episodes.find((candidate) => candidate.turns.length || candidate.active);
  if (!moment || !episode) return;
  const turn = episode.turnAt(moment.start), source = episode.active;
  episode.mark(moment.start);
  episode.stopAt = moment.end;
  if (source) {
    source.seek(moment.start);
    playing = source;
    wantDock();
  }
  reveal(turn, behavior);
  // Late fonts and images, and themes that scroll on load, can move the page: look again.
  let scrolled = false;
  addEventListener("wheel", () => { scrolled = true; }, {once: true, passive: true});
  setTimeout(() => scrolled || reveal(turn, "instant"), 400);
}
addEventListener("hashchange", () => openMoment(motion()));

/* ---- transcript search ---- */

/** Lower case, without accents: "Michaël" is "michael". */
function plainText(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** plainText(text), and where each of its characters came from. */
function fold(text) {
  let folded = "";
  const origins = [];
  for (let index = 0; index < text.length; index++) {
    const part = plainText(text[index]);
    folded += part;
    origins.push(...Array(part.length).fill(index));
  }
  return {folded, origins: [...origins, text.length]};
}

class TranscriptSearch {
  constructor(form) {
    this.form = form;
    this.input = form.querySelector("input");
    this.status = form.querySelector("output");
    this.playButton = form.querySelector(".podcast-search-play");
    this.episode = episodeOf(form);
    this.matches = [];
    this.place = document.createElement("div");  // holds the form's place while it floats
    this.place.hidden = true;
    form.before(this.place);
    form.hidden = false;
    let timer = 0;
    this.input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => this.find(true), 150); });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {  // new words are searched at once, else the next match
        event.preventDefault();
        clearTimeout(timer);
        if (!this.find(true)) this.move(event.shiftKey ? -1 : 1);
      }
      if (event.key === "Escape") { this.input.value = ""; this.find(); }
    });
    for (const type of ["scroll", "resize"]) addEventListener(type, () => this.float(), {passive: true});
    form.addEventListener("submit", (event) => event.preventDefault());
    form.querySelector(".podcast-search-previous").addEventListener("click", () => this.move(-1));
    form.querySelector(".podcast-search-next").addEventListener("click", () => this.move(1));
    this.playButton.addEventListener("click", () => {
      const turn = this.matches[this.index].closest(".podcast-turn");
      playFrom(this.episode, turnStart(turn));
    });
  }
  /** Mark every match in the turns' words (not their labels) and go to the first;
      `ifChanged`: only if the words are new. Whether it searched. */
  find(ifChanged) {
    const query = fold(this.input.value.trim()).folded;
    if (ifChanged && query === this.query) return false;
    this.query = query;
    for (const mark of this.matches) {
      const parent = mark.parentNode;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
    this.matches = [];
    this.index = -1;
    for (const turn of query ? findAll(".podcast-turn", this.episode.root) : []) {
      const walker = document.createTreeWalker(turn, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(".podcast-turn-label")) texts.push(walker.currentNode);
      texts.forEach((text) => this.markText(text, query));
    }
    if (this.matches.length) this.move(1); else this.show();
    return true;
  }
  markText(text, query) {
    const {folded, origins} = fold(text.data);
    let rest = text, offset = 0;
    for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + query.length)) {
      const start = origins[at], end = origins[at + query.length];
      const word = rest.splitText(start - offset), mark = document.createElement("mark");
      rest = word.splitText(end - start);
      offset = end;
      mark.className = "podcast-match";
      word.replaceWith(mark);
      mark.append(word);
      this.matches.push(mark);
    }
  }
  move(step) {
    const count = this.matches.length;
    if (!count) return;
    this.index = (this.index + step + count) % count;
    this.show();
    reveal(this.matches[this.index], motion());
  }
  /** "3 of 17" or "No matches"; the current match marked; the play button for it. */
  show() {
    const count = this.matches.length, form = this.form;
    this.matches.forEach((mark, index) => mark.classList.toggle("podcast-match-current", index === this.index));
    this.status.textContent = !this.query ? "" : count
      ? form.dataset.count.replace("%(current)s", this.index + 1).replace("%(total)s", count) : form.dataset.none;
    form.classList.toggle("podcast-search-active", Boolean(this.query));
    const turn = count && this.matches[this.index].closest(TIMED);
    this.playButton.hidden = !turn || !this.episode.active;
    this.float();
  }
  /** While words are searched, the form stays at the top of the window once the page is
      scrolled past its place: "3 of 17" stays in view. */
  float() {
    const place = this.place.hidden ? this.form : this.place, box = place.getBoundingClientRect();
    const floating = Boolean(this.query) && box.top < 0;
    if (floating) Object.assign(this.form.style, {left: box.left + "px", width: box.width + "px"});
    else this.form.removeAttribute("style");
    if (floating === this.place.hidden) this.place.style.height = box.height + "px";
    this.place.hidden = !floating;
    this.form.classList.toggle("podcast-search-floating", floating);
  }
}

/* ---- start ---- */

for (const root of new Set(findAll(".podcast-episode, .podcast-turn, .podcast-embed").map(episodeRoot))) new Episode(root);
for (const embed of findAll(".podcast-embed")) {
  const episode = episodeOf(embed), provider = embed.dataset.provider;
  if (!FRAME_APIS[provider] && !embed.querySelector("audio, video")) continue;
  const source = new Source(embed);
  // the page's player is the episode's own; an embed beside it is not
  if (embed.closest(".podcast-episode") || !episode.root.querySelector(".podcast-episode .podcast-embed")) episode.addSource(source);
}
findAll(".podcast-switch").forEach(setUpSwitch);
for (const button of findAll(".podcast-follow")) {
  button.hidden = false;
  if (!button.dataset.action) button.addEventListener("click", () => setFollowing(!following));
}
if (document.querySelector(".podcast-dock")) setUpDock(document.querySelector(".podcast-dock"));
/* a copy-link button at the start of each turn's label and of each highlight's caption */
const labelsToCopy = findAll(TIMED).map((turn) => turn.firstElementChild.querySelector(".podcast-turn-label"));
for (const label of [...labelsToCopy, ...findAll(".podcast-soundbite figcaption")]) {
  const button = document.createElement("button");
  Object.assign(button, {type: "button", className: "podcast-copy"});
  button.setAttribute("aria-label", labels.copy);
  if (label) label.prepend(button);
}
/* ---- site search that lands on the moment ----
   Sphinx's own search finds the page; this finds the turn. On the search page each
   episode result links to the turn that says most of the searched words (#t= when it
   is timed), shows who says it and when, and the results can be narrowed by speaker
   and episode. An episode page opened from a search (Sphinx's highlight terms, no
   #fragment) goes to that turn itself. */

/** The searched words, as plainText. */
function searchWords(query) {
  return plainText(query || "").split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
}

/** How many of `words` a turn says (a word also counts by its first five letters,
    as Sphinx's stemmer finds "maintaining" for "maintainer"). */
function wordsSaid(turn, words) {
  const text = plainText(turn.textContent);
  return words.filter((word) => text.includes(word) || (word.length > 5 && text.includes(word.slice(0, 5)))).length;
}

/** The turn under `root` that says most of `words` (the first of equals), of `speaker` if given. */
function bestTurn(root, words, speaker) {
  let best = null, bestCount = 0;
  for (const turn of root.querySelectorAll(".podcast-turn")) {
    if (speaker && turn.dataset.speaker !== speaker) continue;
    const count = wordsSaid(turn, words);
    if (count > bestCount) [best, bestCount] = [turn, count];
  }
  return best;
}

/** The fragment that opens a turn: its time (the player seeks there) or its id. */
function turnFragment(turn) {
  return turn.dataset.start ? "#t=" + turn.dataset.start : "#" + turn.id;
}

/** An episode page opened from a search result: go to the turn that was searched for. */
function landOnSearchedTurn() {
  const terms = new URLSearchParams(location.search).get("highlight")
    || localStorage.getItem("sphinx_highlight_terms");  // read before Sphinx's script clears it
  if (!terms || location.hash || !document.querySelector(".podcast-turn")) return;
  const turn = bestTurn(document, searchWords(terms));
  if (turn) location.replace(turnFragment(turn));
}
landOnSearchedTurn();

/** The search page: each episode result leads to its turn; filters by speaker and episode. */
function improveSearchResults(results) {
  const words = searchWords(new URLSearchParams(location.search).get("q"));
  const pages = new Map();  // result item -> the parsed episode page
  const others = new Set();  // result items of other pages
  const filters = document.createElement("form");
  filters.className = "podcast-search-filters";
  filters.hidden = true;
  const speakerChoice = filterChoice(filters, labels.searchSpeaker), episodeChoice = filterChoice(filters, labels.searchEpisode);

  function filterChoice(form, label) {
    const select = document.createElement("select"), caption = document.createElement("label");
    caption.textContent = (label || "") + " ";
    select.append(new Option(labels.searchAll || "—", ""));
    caption.append(select);
    form.append(caption);
    select.addEventListener("change", () => {
      pages.forEach(showResult);
      // pages that are not episodes (profiles, guides) only while nothing is narrowed
      for (const item of others) item.hidden = Boolean(speakerChoice.value || episodeChoice.value);
    });
    return select;
  }
  function addChoice(select, value, text) {
    if (![...select.options].some((option) => option.value === value)) select.append(new Option(text, value));
  }
  function showResult(page, item) {
    const link = item.querySelector("a"), speaker = speakerChoice.value;
    const turn = bestTurn(page, words, speaker);
    const inEpisode = !episodeChoice.value || episodeChoice.value === link.dataset.page;
    item.hidden = !inEpisode || (speaker && !turn);
    let moment = item.querySelector(".podcast-search-moment");
    if (!turn) return moment && moment.remove();
    link.href = link.dataset.page + turnFragment(turn);
    if (!moment) {
      moment = document.createElement("p");
      moment.className = "podcast-search-moment";
      link.after(moment);
    }
    const name = turn.querySelector(".podcast-speaker"), time = turn.querySelector(".podcast-time");
    const spoken = turn.cloneNode(true);
    for (const label of spoken.querySelectorAll(".podcast-turn-label, figure")) label.remove();
    const said = spoken.textContent.replace(/\s+/g, " ").trim();
    moment.textContent = [name && name.textContent, time && time.textContent].filter(Boolean).join(" · ")
      + " — " + (said.length > 180 ? said.slice(0, 179) + "…" : said);
  }
  async function readResult(item) {
    const link = item.querySelector("a");
    if (!link || item.dataset.podcast) return;
    item.dataset.podcast = "read";
    link.dataset.page = link.href.split("#")[0];
    try {
      const response = await fetch(link.dataset.page);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      if (!page.querySelector(".podcast-turn")) return others.add(item);
      for (const label of page.querySelectorAll(".podcast-turn .podcast-speaker")) {
        addChoice(speakerChoice, label.closest(".podcast-turn").dataset.speaker, label.textContent.trim());
      }
      const title = page.querySelector("h1");
      addChoice(episodeChoice, link.dataset.page, title ? title.textContent.replace(/[¶#]\s*$/, "").trim() : link.textContent);
      filters.hidden = false;
      item.parentElement.before(filters);  // above Sphinx's list of results
      pages.set(item, page);
      showResult(page, item);
    } catch (error) { /* offline from file://, or gone: the result stays as Sphinx made it */ }
  }
  new MutationObserver(() => results.querySelectorAll("li").forEach(readResult))
    .observe(results, {childList: true, subtree: true});
}
const searchResults = document.getElementById("search-results");
if (searchResults) improveSearchResults(searchResults);
findAll("form.podcast-search").forEach((form) => new TranscriptSearch(form));
if (document.readyState === "complete") openMoment("force");
else addEventListener("load", () => openMoment("force"), {once: true});
})();
