/**
 * The presentation's own script (see present.ts): the one script the document runs, inline,
 * allowed by its hash in the page's Content-Security-Policy. Plain JavaScript text rather than
 * a compiled function, so no bundler can add helpers to it and the hash is of exactly this.
 *
 * The audience window shows one slide at a time, scaled to the window; keys and clickers move
 * through the deck (→ ↓ PageDown Space Enter N: next; ← ↑ PageUp Backspace Shift+Space: back;
 * Home, End; a number then Enter: that slide; F: full screen; B or .: blank screen;
 * P: presenter view). The presenter view is the same file opened in a second window with
 * `#presenter`: the current slide, the next one, the notes and a timer; the two windows keep
 * each other on the same slide by `postMessage` through `window.opener` (which works for a
 * file opened from disk, where a BroadcastChannel would not: every `file:` page is an origin
 * of its own).
 */
export const PRESENT_SCRIPT = String.raw`(() => {
  'use strict';
  const stage = document.getElementById('isdeck-stage');
  const slides = Array.from(stage.querySelectorAll('div.marpit > svg[data-marpit-svg]'));
  const marpitClass = stage.querySelector('div.marpit').className;
  const notes = JSON.parse(document.getElementById('isdeck-notes').textContent || '[]');
  const count = slides.length;
  const presenter = location.hash === '#presenter';
  const body = document.body;
  const goto = document.getElementById('isdeck-goto');
  const notice = document.getElementById('isdeck-notice');
  let current = 0;
  let typed = '';
  let peer = null;
  let blank = false;

  const clamp = (index) => Math.max(0, Math.min(count - 1, index));
  const other = () => (presenter ? window.opener : peer);
  const send = (message) => {
    const target = other();
    if (target && !target.closed) target.postMessage(Object.assign({ isdeck: 'present' }, message), '*');
  };
  const say = (text) => {
    notice.textContent = text;
    notice.hidden = !text;
  };

  // The presenter view: its boxes are filled with copies of the slides.
  const view = presenter ? document.getElementById('isdeck-presenter') : null;
  const box = (name) => view.querySelector('[data-box="' + name + '"]');
  const showCopy = (target, index) => {
    target.textContent = '';
    if (index >= count) {
      target.textContent = 'End of the deck';
      return;
    }
    const wrapper = document.createElement('div');
    wrapper.className = marpitClass;
    wrapper.appendChild(slides[index].cloneNode(true));
    target.appendChild(wrapper);
  };
  const showNotes = (index) => {
    const target = box('notes');
    target.textContent = '';
    const paragraphs = (notes[index] || []).flatMap((note) => note.split(/\n\s*\n/)).map((text) => text.trim()).filter(Boolean);
    for (const text of paragraphs.length ? paragraphs : ['No presenter notes.']) {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      if (!paragraphs.length) paragraph.className = 'isdeck-none';
      target.appendChild(paragraph);
    }
  };

  const show = (index, fromPeer) => {
    current = clamp(index);
    body.dataset.slide = String(current + 1);
    if (presenter) {
      showCopy(box('current'), current);
      showCopy(box('next'), current + 1);
      showNotes(current);
      box('position').textContent = 'Slide ' + (current + 1) + ' of ' + count;
    } else {
      slides.forEach((slide, at) => slide.classList.toggle('isdeck-current', at === current));
      history.replaceState(null, '', '#' + (current + 1));
    }
    if (!fromPeer) send({ type: 'goto', index: current });
  };
  const setBlank = (value, fromPeer) => {
    blank = value;
    body.classList.toggle('isdeck-blank', blank);
    if (!fromPeer) send({ type: 'blank', blank });
  };

  const openPresenter = () => {
    if (peer && !peer.closed) {
      peer.focus();
      return;
    }
    peer = window.open(location.href.split('#')[0] + '#presenter', 'isdeck-presenter', 'popup,width=1200,height=760');
    say(peer ? '' : 'The presenter view is a second window: allow pop-ups for this file, then press P again.');
  };
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => say('Full screen is not allowed here: use the browser\u2019s own (F11).'));
  };

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.isdeck !== 'present' || event.source !== other()) return;
    if (message.type === 'hello') {
      send({ type: 'goto', index: current });
      send({ type: 'blank', blank });
    } else if (message.type === 'goto') show(message.index, true);
    else if (message.type === 'blank') setBlank(!!message.blank, true);
  });

  const typing = (text) => {
    typed = text;
    goto.textContent = typed ? 'Go to slide ' + typed : '';
    goto.hidden = !typed;
  };
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (/^[0-9]$/.test(key)) {
      typing((typed + key).slice(-4));
    } else if (key === 'Enter' && typed) {
      show(Number(typed) - 1);
      typing('');
    } else {
      typing('');
      if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === 'Enter' || key === 'n' || key === 'N') show(current + 1);
      else if (key === ' ') show(current + (event.shiftKey ? -1 : 1));
      else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || key === 'Backspace') show(current - 1);
      else if (key === 'Home') show(0);
      else if (key === 'End') show(count - 1);
      else if (key === 'b' || key === 'B' || key === '.') setBlank(!blank);
      else if ((key === 'f' || key === 'F') && !presenter) toggleFullScreen();
      else if ((key === 'p' || key === 'P') && !presenter) openPresenter();
      else if (key !== 'Escape') return;
    }
    event.preventDefault();
  });

  if (presenter) {
    body.classList.add('isdeck-presenter');
    view.hidden = false;
    const started = Date.now();
    const timer = box('timer');
    let from = started;
    const two = (value) => String(value).padStart(2, '0');
    const tick = () => {
      const seconds = Math.floor((Date.now() - from) / 1000);
      const hours = Math.floor(seconds / 3600);
      timer.textContent = (hours ? hours + ':' : '') + two(Math.floor(seconds / 60) % 60) + ':' + two(seconds % 60);
      const now = new Date();
      box('clock').textContent = two(now.getHours()) + ':' + two(now.getMinutes());
    };
    timer.addEventListener('click', () => {
      from = Date.now();
      tick();
    });
    tick();
    setInterval(tick, 1000);
    show(0, true);
    send({ type: 'hello' });
  } else {
    stage.addEventListener('click', (event) => {
      if (event.button === 0 && !event.target.closest('a')) show(current + 1);
    });
    const match = /^#(\d+)$/.exec(location.hash);
    show(match ? Number(match[1]) - 1 : 0, true);
  }
})();
`;
