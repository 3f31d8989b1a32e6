// Inline SVG charts, no library: a line over time and bars per period.
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(width, height) {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', preserveAspectRatio: 'xMidYMid meet' });
}

/** points: [{x: label, y: number}] with y in 0..max. */
export function lineChart(points, { max = 100, width = 480, height = 180, title = '' } = {}) {
  const root = frame(width, height);
  root.setAttribute('aria-label', title);
  const pad = { l: 32, r: 10, t: 10, b: 24 };
  const w = width - pad.l - pad.r, h = height - pad.t - pad.b;
  for (const v of [0, max / 2, max]) {
    const y = pad.t + h - h * v / max;
    root.append(svg('line', { x1: pad.l, x2: pad.l + w, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: pad.l - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, String(v)));
  }
  if (!points.length) {
    root.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis' }, 'no data yet'));
    return root;
  }
  const x = (i) => pad.l + (points.length === 1 ? w / 2 : w * i / (points.length - 1));
  const y = (v) => pad.t + h - h * Math.max(0, Math.min(max, v)) / max;
  root.append(svg('polyline', { points: points.map((p, i) => x(i) + ',' + y(p.y)).join(' '), class: 'line' }));
  points.forEach((p, i) => {
    const dot = svg('circle', { cx: x(i), cy: y(p.y), r: 3.5, class: 'dot' });
    dot.append(svg('title', {}, p.x + ': ' + p.y));
    root.append(dot);
  });
  root.append(svg('text', { x: pad.l, y: height - 6, class: 'axis' }, points[0].x),
    svg('text', { x: pad.l + w, y: height - 6, 'text-anchor': 'end', class: 'axis' }, points[points.length - 1].x));
  return root;
}

/** bars: [{label, value}] */
export function barChart(bars, { width = 560, height = 180, title = '', format = (v) => String(v) } = {}) {
  const root = frame(width, height);
  root.setAttribute('aria-label', title);
  const pad = { l: 36, r: 8, t: 12, b: 28 };
  const w = width - pad.l - pad.r, h = height - pad.t - pad.b;
  const max = Math.max(1, ...bars.map((b) => b.value || 0));
  root.append(svg('line', { x1: pad.l, x2: pad.l + w, y1: pad.t + h, y2: pad.t + h, class: 'grid' }),
    svg('text', { x: pad.l - 4, y: pad.t + 8, 'text-anchor': 'end', class: 'axis' }, format(max)));
  if (!bars.length) {
    root.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis' }, 'no data'));
    return root;
  }
  const slot = w / bars.length;
  const every = Math.ceil(bars.length / 12);
  bars.forEach((b, i) => {
    const bh = h * (b.value || 0) / max;
    const rect = svg('rect', { x: pad.l + i * slot + slot * 0.15, y: pad.t + h - bh, width: slot * 0.7, height: bh, class: 'bar' });
    rect.append(svg('title', {}, b.label + ': ' + format(b.value || 0)));
    root.append(rect);
    if (i % every === 0) {
      root.append(svg('text', { x: pad.l + i * slot + slot / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis' }, b.label));
    }
  });
  return root;
}

/**
 * Several lines over the same labels, one per series: [{name, values: [number or null]}] with values in 0..max. A
 * null (a bucket without calls) breaks its line. Each series takes the colour class series-<its index>; its lines and
 * dots carry data-series, and each dot's title says "series, label: value".
 */
export function multiLineChart(labels, series, { max = 100, width = 480, height = 180, title = '', format = (v) => String(v) } = {}) {
  const root = frame(width, height);
  root.setAttribute('aria-label', title);
  const pad = { l: 32, r: 10, t: 10, b: 24 };
  const w = width - pad.l - pad.r, h = height - pad.t - pad.b;
  for (const v of [0, max / 2, max]) {
    const y = pad.t + h - h * v / max;
    root.append(svg('line', { x1: pad.l, x2: pad.l + w, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: pad.l - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, format(v)));
  }
  if (!labels.length || !series.length) {
    root.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis' }, 'no data yet'));
    return root;
  }
  const x = (i) => pad.l + (labels.length === 1 ? w / 2 : w * i / (labels.length - 1));
  const y = (v) => pad.t + h - h * Math.max(0, Math.min(max, v)) / max;
  series.forEach((s, index) => {
    const colour = 'series-' + (index % 6);
    let run = [];
    const flush = () => {
      if (run.length) root.append(svg('polyline', { points: run.join(' '), class: 'line ' + colour, 'data-series': s.name }));
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) { flush(); return; }
      run.push(x(i) + ',' + y(v));
    });
    flush();
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const dot = svg('circle', { cx: x(i), cy: y(v), r: 3, class: 'dot ' + colour, 'data-series': s.name });
      dot.append(svg('title', {}, s.name + ', ' + labels[i] + ': ' + format(v)));
      root.append(dot);
    });
  });
  root.append(svg('text', { x: pad.l, y: height - 6, class: 'axis' }, labels[0]),
    svg('text', { x: pad.l + w, y: height - 6, 'text-anchor': 'end', class: 'axis' }, labels[labels.length - 1]));
  return root;
}

/** A round top for an axis: 1, 2 or 5 times a power of ten, at least the largest value (and at least 1). */
export function niceMax(values) {
  const top = Math.max(1, ...values.filter((v) => v !== null && v !== undefined));
  const power = Math.pow(10, Math.floor(Math.log10(top)));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= top);
}
