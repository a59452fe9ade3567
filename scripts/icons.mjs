// Renders the app icons from the project's SVG logo (public/logo.svg) with resvg
// (npm @resvg/resvg-js, pinned in package.json): `make icons`, run by `make build`.
//
//   icons/icon-192.png, icon-512.png   the logo as it is (transparent corners)
//   icons/maskable-512.png             on a full-bleed square, the logo inside the
//                                      central 80 % "safe zone" that launchers keep
//   icons/apple-touch-icon.png (180)   iOS fills transparency with black and rounds
//                                      the corners itself, so: full bleed as well
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const logo = readFileSync('public/logo.svg', 'utf8');
const viewBox = /viewBox="([^"]+)"/.exec(logo)[1];
const inner = logo.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
const [, , w] = viewBox.split(/\s+/).map(Number);

// The logo scaled to `share` of a square filled with the logo's own darkest grey.
function onSquare(share) {
  const offset = (w * (1 - share)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${w}">`
    + `<rect width="${w}" height="${w}" fill="#111111"/>`
    + `<g transform="translate(${offset} ${offset}) scale(${share})">${inner}</g></svg>`;
}

function png(svg, size, file) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  writeFileSync(`public/icons/${file}`, image.asPng());
  console.log(`public/icons/${file}: ${image.width}×${image.height}`);
}

mkdirSync('public/icons', { recursive: true });
png(logo, 192, 'icon-192.png');
png(logo, 512, 'icon-512.png');
png(onSquare(0.72), 512, 'maskable-512.png');
png(onSquare(0.86), 180, 'apple-touch-icon.png');
