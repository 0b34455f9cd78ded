/* What tests/test_themes.py measures in a page, beside axe-core: added to every page as
   window.podcastChecks. Colours are read through a canvas, so any CSS colour syntax
   (rgb, color-mix, oklch, …) compares as sRGB. */
window.podcastChecks = (() => {
  const canvas = document.createElement("canvas").getContext("2d", {willReadFrequently: true});

  /* [r, g, b, alpha] of a CSS colour: r, g, b 0-255, alpha 0-1 */
  function rgba(colour) {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = colour;
    canvas.fillRect(0, 0, 1, 1);
    const [red, green, blue, alpha] = canvas.getImageData(0, 0, 1, 1).data;
    return [red, green, blue, alpha / 255];
  }

  /* a colour painted over an opaque one */
  function over(top, bottom) {
    const alpha = top[3];
    return [0, 1, 2].map(i => top[i] * alpha + bottom[i] * (1 - alpha)).concat(1);
  }

  /* the opaque colour behind an element: every background from the root down, blended */
  function behind(element) {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      layers.push(rgba(getComputedStyle(at).backgroundColor));
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  }

  /* WCAG 2 relative luminance and contrast ratio, rounded to 2 decimals */
  function luminance(colour) {
    const [red, green, blue] = colour.slice(0, 3).map(channel => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  }
  function contrast(first, second) {
    const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return Math.round((lighter + 0.05) / (darker + 0.05) * 100) / 100;
  }

  function opacityOf(element) {
    let opacity = 1;
    for (let at = element; at; at = at.parentElement) opacity *= +getComputedStyle(at).opacity;
    return opacity;
  }
  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  }
  function describe(element) {
    return element.tagName.toLowerCase() + [...element.classList].map(c => "." + c).join("");
  }

  /* true when the page shows the theme dark: the background behind our markup */
  function isDark() {
    const ours = document.querySelector(".podcast-episode, .podcast-speaker-list, [class*=podcast-]");
    return luminance(behind(ours)) < 0.2;
  }

  /* avatars: round, nothing painted behind them, square */
  function avatarProblems() {
    const problems = [];
    for (const image of document.querySelectorAll("img.podcast-avatar")) {
      if (!shown(image)) continue;
      const style = getComputedStyle(image), box = image.getBoundingClientRect();
      if (style.borderRadius !== "50%") problems.push(`${describe(image)} border-radius ${style.borderRadius}`);
      if (rgba(style.backgroundColor)[3] !== 0) problems.push(`${describe(image)} background ${style.backgroundColor}`);
      if (style.padding !== "0px" || parseFloat(style.borderWidth)) problems.push(`${describe(image)} padding or border`);
      if (Math.abs(box.width - box.height) > 0.5) problems.push(`${describe(image)} ${box.width}x${box.height}`);
    }
    return problems;
  }

  /* controls: their text or icon at 3:1 at least against what is behind them (WCAG
     1.4.11; axe-core checks text at 4.5:1 but not icons), in the font around them */
  const CONTROLS = "button[class*=podcast-], .podcast-switch button, .podcast-dock button, "
    + ".podcast-dock select, .podcast-search input, .podcast-search button, a.podcast-time";
  function controlProblems() {
    const problems = [];
    for (const control of document.querySelectorAll(CONTROLS)) {
      const opacity = opacityOf(control);
      if (!shown(control) || opacity === 0 || control.disabled) continue;  // 0: shown on hover/focus
      const style = getComputedStyle(control), background = behind(control);
      const ink = over(rgba(style.color), background);
      const seen = over([...ink.slice(0, 3), opacity], background);
      const ratio = contrast(seen, background);
      if (ratio < 3) problems.push(`${describe(control)} ${ratio}:1`);
      const around = getComputedStyle(control.parentElement).fontFamily;
      if (style.fontFamily !== around) problems.push(`${describe(control)} font ${style.fontFamily}, around it ${around}`);
    }
    return problems;
  }

  /* speaker bars: a graphical object that tells who speaks, 3:1 against the page */
  function barProblems() {
    const problems = [];
    for (const turn of document.querySelectorAll(".podcast-turn")) {
      const background = behind(turn.parentElement);
      const bar = over(rgba(getComputedStyle(turn).borderInlineStartColor), background);
      const ratio = contrast(bar, background);
      if (ratio < 3) problems.push(`${describe(turn)} bar ${ratio}:1`);
    }
    return problems;
  }

  /* which physical side is the start of an element's line (its direction) */
  function startAndEnd(element) {
    return getComputedStyle(element).direction === "rtl" ? ["right", "left"] : ["left", "right"];
  }
  /* how far *second* comes after *first* in the line's direction (a gap: > 0) */
  function gapAfter(first, second, direction) {
    return direction === "rtl" ? first.left - second.right : second.left - first.right;
  }
  /* the box of the first character of the text after an element */
  function nextCharacter(element) {
    const text = element.nextSibling;
    if (!text || text.nodeType !== Node.TEXT_NODE || !text.data.trim()) return null;
    const range = document.createRange();
    const at = text.data.search(/\S/);
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    return range.getBoundingClientRect();
  }

  /* bars, chips, back links and player on the sides the direction gives them */
  function sideProblems() {
    const problems = [];
    const width = (element, side) => parseFloat(getComputedStyle(element).getPropertyValue(`border-${side}-width`));
    for (const bordered of document.querySelectorAll(".podcast-turn, nav.podcast-outline")) {
      const [start, end] = startAndEnd(bordered);
      if (!(width(bordered, start) >= 2) || width(bordered, end) !== 0) {
        problems.push(`${describe(bordered)}: bar not at the ${start}`);
      }
    }
    for (const label of document.querySelectorAll(".podcast-turn-label")) {
      const speaker = label.querySelector(".podcast-speaker"), time = label.querySelector("a.podcast-time");
      const direction = getComputedStyle(label).direction;
      if (speaker && time && !(gapAfter(speaker.getBoundingClientRect(), time.getBoundingClientRect(), direction) >= 2)) {
        problems.push(`${label.closest(".podcast-turn").id}: the time does not follow the name`);
      }
      const text = nextCharacter(label);
      if (time && text && !(gapAfter(time.getBoundingClientRect(), text, direction) >= 2)) {
        problems.push(`${label.closest(".podcast-turn").id}: the time runs into the text`);
      }
    }
    for (const line of document.querySelectorAll(".podcast-backlink-line")) {
      const [, end] = startAndEnd(line), link = line.querySelector("a").getBoundingClientRect();
      const box = line.getBoundingClientRect(), padding = parseFloat(getComputedStyle(line).getPropertyValue(`padding-${end}`));
      if (Math.abs(link[end] - box[end]) > padding + 2) problems.push(`back link not at the ${end}`);
    }
    for (const embed of document.querySelectorAll(".podcast-embed")) {
      const [start] = startAndEnd(embed), box = embed.getBoundingClientRect();
      const first = [...embed.children].find(shown);
      if (first && Math.abs(first.getBoundingClientRect()[start] - box[start]) > 2) {
        problems.push(`${describe(embed)}: ${describe(first)} not at the ${start}`);
      }
    }
    return problems;
  }

  /* the pixels at both inline edges, half-way down, of a PNG screenshot (base64) */
  async function edgePixels(png) {
    const image = new Image();
    image.src = "data:image/png;base64," + png;
    await image.decode();
    const board = document.createElement("canvas");
    [board.width, board.height] = [image.width, image.height];
    const context = board.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixel = x => [...context.getImageData(x, image.height >> 1, 1, 1).data];
    return {left: pixel(1), right: pixel(image.width - 2)};
  }

  /* what our surfaces took from the theme: the docked bar's colours beside the page's
     background and a turn's text colour; the episode box's radius */
  function taken() {
    const dock = getComputedStyle(document.querySelector(".podcast-dock"));
    const episode = document.querySelector(".podcast-episode");
    const text = getComputedStyle(document.querySelector(".podcast-turn")).color;
    return {
      dock: [rgba(dock.backgroundColor), rgba(dock.color)],
      page: [behind(episode), rgba(text)],
      radius: getComputedStyle(episode).borderTopLeftRadius,
    };
  }

  function problems() {
    return [...avatarProblems(), ...controlProblems(), ...barProblems(), ...sideProblems()];
  }

  /* the colours of our markup, one line per element: equal however the theme got to its scheme */
  function colours() {
    return [...document.querySelectorAll("[class*=podcast-]")].map(element => {
      const style = getComputedStyle(element);
      return [describe(element), style.color, style.backgroundColor,
              style.borderInlineStartColor, style.borderTopColor].join(" ");
    });
  }

  return {isDark, problems, colours, taken, rgba, edgePixels};
})();
