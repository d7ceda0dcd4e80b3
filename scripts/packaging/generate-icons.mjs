// `node scripts/packaging/generate-icons.mjs`: draws Baton's icons from the SVG below and writes every
// size the installers and the tray need into resources/ (committed; rerun after changing the drawing).
// SVG → PNG with @resvg/resvg-js; .ico and .icns from the 1024 px PNG with png2icons (both pinned).
//
// resources/icon.png, icon.ico, icon.icns     app icon (window, installers, dock, taskbar)
// resources/icons/NxN.png                     Linux icon set (AppImage, deb, .desktop)
// resources/tray/tray.png, tray@2x.png        Linux tray (colour, 22 and 44 px)
// resources/tray/tray.ico                     Windows tray (16, 24, 32 px)
// resources/tray/trayTemplate.png, @2x        macOS menu bar: a template image (black + alpha; macOS tints it)
// resources/tray/overlay-pending.png          Windows taskbar overlay while handoffs wait unclaimed
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = join(import.meta.dirname, '..', '..');
const out = (...parts) => join(root, 'resources', ...parts);

// A relay baton passed between two hands, on a rounded square: blue, the app's accent colour.
const APP_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#3b82f6"/><stop offset="1" stop-color="#1d4ed8"/>
    </linearGradient>
    <linearGradient id="rod" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#dbeafe"/>
    </linearGradient>
  </defs>
  <rect x="64" y="64" width="896" height="896" rx="200" fill="url(#bg)"/>
  <g transform="rotate(-45 512 512)">
    <rect x="212" y="432" width="600" height="160" rx="80" fill="url(#rod)"/>
    <rect x="452" y="432" width="24" height="160" fill="#93c5fd"/>
    <rect x="548" y="432" width="24" height="160" fill="#93c5fd"/>
  </g>
  <circle cx="300" cy="724" r="56" fill="#fbbf24"/>
  <circle cx="724" cy="300" r="56" fill="#fbbf24"/>
</svg>`;

// The tray mark: the baton alone, filled, readable at 16 px. `fill` is black for the macOS template.
const traySvg = (fill, accent) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <g transform="rotate(-45 16 16)"><rect x="3" y="11" width="26" height="10" rx="5" fill="${fill}"/></g>
  <circle cx="6.5" cy="25.5" r="3.5" fill="${accent}"/><circle cx="25.5" cy="6.5" r="3.5" fill="${accent}"/>
</svg>`;

const OVERLAY_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <circle cx="16" cy="16" r="15" fill="#dc2626"/><circle cx="16" cy="16" r="6" fill="#ffffff"/>
</svg>`;

function png(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

function write(file, data) {
  if (!data) throw new Error(`Could not make ${file}`);
  writeFileSync(file, data);
  console.log(`wrote ${file.slice(root.length + 1)}`);
}

mkdirSync(out('icons'), { recursive: true });
mkdirSync(out('tray'), { recursive: true });

const master = png(APP_SVG, 1024);
write(out('icon.png'), png(APP_SVG, 512));
write(out('icon.icns'), png2icons.createICNS(master, png2icons.BICUBIC, 0));
write(out('icon.ico'), png2icons.createICO(master, png2icons.BICUBIC, 0, false, true));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
  write(out('icons', `${size}x${size}.png`), png(APP_SVG, size));

const colourTray = traySvg('#2563eb', '#f59e0b');
write(out('tray', 'tray.png'), png(colourTray, 22));
write(out('tray', 'tray@2x.png'), png(colourTray, 44));
write(out('tray', 'tray.ico'), png2icons.createICO(png(colourTray, 256), png2icons.BICUBIC, 0, false, true));
// A template image must be black with alpha only: macOS draws it in the menu bar's own colour.
const template = traySvg('#000000', '#000000');
write(out('tray', 'trayTemplate.png'), png(template, 16));
write(out('tray', 'trayTemplate@2x.png'), png(template, 32));
write(out('tray', 'overlay-pending.png'), png(OVERLAY_SVG, 32));
