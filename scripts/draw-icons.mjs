// Draws Rapport's app icons (PNG) from the vector mark with headless Chromium. Run by hand when the mark changes:
// `node scripts/draw-icons.mjs`; the PNGs are committed in public/icons.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mark = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
const markBody = mark.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');

/** The "any" icon: the rounded mark, with a transparent corner. */
const anyIcon = mark;
/** Maskable: full-bleed background, the bubbles shrunk into the 80 % safe zone that every mask shape keeps. */
const maskableIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="#1f4e79"/>
  <g transform="translate(12.8 12.8) scale(0.6)">${markBody.replace(/<rect[^>]*\/>/, '')}</g>
</svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg: anyIcon },
  { file: 'icon-512.png', size: 512, svg: anyIcon },
  { file: 'icon-maskable-512.png', size: 512, svg: maskableIcon },
];

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  for (const { file, size, svg } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const html = `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`;
    await page.setContent(html);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(root, 'public/icons', file), png);
    console.log(`public/icons/${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
