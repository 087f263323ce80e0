// Wirestream live page: polls /api/dashboard once a second and redraws. No framework, no CDN:
// the page must work on a machine without network access.
'use strict';

const POLL_MILLIS = 1000;
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attrs, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4))
      : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function fmtRate(perSecond) {
  return perSecond >= 10 ? perSecond.toFixed(0) + '/s' : perSecond.toFixed(1) + '/s';
}

function fmtMillis(ms) {
  return ms >= 10000 ? (ms / 1000).toFixed(0) + ' s' : ms >= 1000 ? (ms / 1000).toFixed(1) + ' s'
      : ms + ' ms';
}

function fmtTime(epochMillis) {
  return new Date(epochMillis).toLocaleTimeString();
}

// Text with entity mentions wrapped in <mark>: offsets are UTF-16 indexes, as JavaScript counts.
function highlighted(text, marks) {
  const parts = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at || m.end > text.length) continue;
    parts.push(text.slice(at, m.start));
    parts.push(el('mark', { class: m.type, title: m.name + ' (' + m.type + ')' },
        text.slice(m.start, m.end)));
    at = m.end;
  }
  parts.push(text.slice(at));
  return parts;
}

function storyItem(story) {
  if (story.withdrawn) {
    return el('li', { class: 'story withdrawn', 'data-id': story.id },
        el('div', { class: 'headline' }, story.id + ' withdrawn'),
        el('div', { class: 'meta' }, 'canceled or withheld at ' + fmtTime(story.enrichedAt)));
  }
  const tone = story.toneLabel
      ? el('span', { class: 'tone-badge ' + story.toneLabel },
          (story.toneScore >= 0 ? '+' : '') + story.toneScore.toFixed(2) + ' '
          + story.toneLabel.toLowerCase())
      : el('span', { class: 'tone-badge none' }, 'tone n/a');
  const countries = story.countries.map(code => el('span',
      { class: code === story.primaryCountry ? 'chip country primary' : 'chip country' }, code));
  const snippet = story.snippet.length > 0
      ? el('div', { class: 'snippet' }, ...highlighted(story.snippet, story.snippetMarks),
          story.snippetCut ? '…' : '')
      : null;
  return el('li', { class: 'story', 'data-id': story.id },
      el('div', { class: 'headline' }, ...highlighted(story.headline, story.headlineMarks)),
      snippet,
      el('div', { class: 'meta' }, tone, ...countries,
          el('span', {}, (story.language || '?') + ' · v' + story.version + ' · '
              + fmtTime(story.enrichedAt) + ' · ' + fmtMillis(story.latencyMillis)
              + ' after ingest')));
}

function drawStories(stories) {
  const list = document.getElementById('stories');
  list.replaceChildren(...(stories.length ? stories.map(storyItem)
      : [el('li', { class: 'empty' }, 'No enriched story yet: POST one to the ingest endpoint.')]));
}

function drawCountries(window) {
  const svg = document.getElementById('countries');
  document.getElementById('window').textContent = fmtTime(window.windowStart) + ' – '
      + fmtTime(window.windowEnd);
  const top = window.counts.slice(0, 12);
  const width = svg.clientWidth || 320;
  const rowHeight = 20;
  const height = Math.max(rowHeight, top.length * rowHeight);
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.style.height = height + 'px';
  const max = Math.max(1, ...top.map(c => c.stories));
  const rows = top.map((c, i) => {
    const barWidth = Math.max(2, (width - 180) * c.stories / max);
    const y = i * rowHeight;
    return el('svg:g', { class: 'country-bar', 'data-code': c.code },
        el('svg:text', { x: 0, y: y + 14 }, c.code + ' ' + (c.name || '').slice(0, 16)),
        el('svg:rect', { x: 140, y: y + 3, width: barWidth, height: rowHeight - 6, rx: 3 }),
        el('svg:text', { class: 'count', x: 144 + barWidth, y: y + 14 }, c.stories));
  });
  svg.replaceChildren(...(rows.length ? rows
      : [el('svg:text', { x: 0, y: 14 }, 'No tagged story in this window yet.')]));
}

function drawTone(minutes) {
  const svg = document.getElementById('tone');
  const w = 320, h = 120, pad = 18;
  const axis = el('svg:line', { class: 'axis', x1: pad, x2: w, y1: h / 2, y2: h / 2 });
  const labels = [el('svg:text', { x: 0, y: 12 }, '+1'), el('svg:text', { x: 0, y: h / 2 + 3 }, '0'),
    el('svg:text', { x: 0, y: h - 2 }, '−1')];
  if (minutes.length === 0) {
    svg.replaceChildren(axis, ...labels);
    return;
  }
  const first = minutes[0].minute;
  const span = Math.max(60000, minutes[minutes.length - 1].minute - first);
  const points = minutes.map(m => [pad + (w - pad - 6) * (m.minute - first) / span,
    h / 2 - (h / 2 - 6) * m.mean]);
  svg.replaceChildren(axis, ...labels,
      el('svg:polyline', { points: points.map(p => p.join(',')).join(' ') }),
      ...points.map((p, i) => el('svg:circle', { cx: p[0], cy: p[1], r: 3 },
          el('svg:title', {}, fmtTime(minutes[i].minute) + ': ' + minutes[i].mean.toFixed(2)
              + ' over ' + minutes[i].stories + ' stories'))));
}

function drawDeadLetters(deadLetters) {
  document.getElementById('dlq-count').textContent = deadLetters.count;
  document.getElementById('dlq-tile').classList.toggle('alert', deadLetters.count > 0);
  const list = document.getElementById('dead-letters');
  list.replaceChildren(...(deadLetters.latest.length ? deadLetters.latest.map(d => el('li', {},
      el('span', { class: 'stage' }, d.stage), fmtTime(d.at) + ' ', d.source ? d.source + ' · ' : '',
      d.error)) : [el('li', { class: 'empty' }, 'None: every input so far became a story.')]));
}

function draw(snapshot) {
  const flow = snapshot.flow;
  document.getElementById('in-rate').textContent = fmtRate(flow.inPerSecond);
  document.getElementById('in-total').textContent = flow.storiesIn + ' on news.raw.v1';
  document.getElementById('out-rate').textContent = fmtRate(flow.outPerSecond);
  document.getElementById('out-total').textContent = flow.storiesOut + ' on news.enriched.v1';
  document.getElementById('lag').textContent = flow.lagKnown ? flow.lag : '–';
  const latency = snapshot.latency;
  document.getElementById('latency').textContent = latency.samples
      ? fmtMillis(latency.p50Millis) + ' / ' + fmtMillis(latency.p99Millis) : '–';
  document.getElementById('latency-sub').textContent = latency.samples
      ? 'last ' + latency.samples + ' stories, max ' + fmtMillis(latency.maxMillis) : '';
  drawStories(snapshot.stories);
  drawCountries(snapshot.countries);
  drawTone(snapshot.tone);
  drawDeadLetters(snapshot.deadLetters);
}

async function poll() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/dashboard', { cache: 'no-store' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    draw(await response.json());
    status.textContent = 'live · updated ' + new Date().toLocaleTimeString();
    status.className = 'status live';
  } catch (e) {
    status.textContent = 'cannot reach the stack: ' + e.message;
    status.className = 'status down';
  } finally {
    setTimeout(poll, POLL_MILLIS);
  }
}

poll();
