#!/usr/bin/env node
// Moves the inline <script>s of the static export into content-hashed files, so that the
// pages run under a Content-Security-Policy of `script-src 'self'` without hashes or nonces.
//
// Next's App Router inlines its bootstrap and the page's RSC payload as <script> elements.
// Each run of adjacent attribute-less inline scripts becomes one classic (blocking) external
// script in the same place, so the code runs in the same order as before; an inline script with
// attributes (such as an id) keeps them. Scripts that are data (a non-JavaScript type) stay.
//
// usage: node scripts/externalize-inline-scripts.mjs out

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.argv[2] ?? 'out';
const publicDir = '/_next/static/inline';
const targetDir = join(root, publicDir);
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const DATA_TYPE = /\btype\s*=\s*["']?(?!(?:text|application)\/javascript|module)[^"'\s>]/i;

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

async function externalize(code) {
  const name = `${createHash('sha256').update(code).digest('base64url').slice(0, 20)}.js`;
  await writeFile(join(targetDir, name), code);
  return `${publicDir}/${name}`;
}

/** The inline scripts of a page as runs: [start, end, attributes, code] per run. */
function inlineRuns(html) {
  const runs = [];
  for (const match of html.matchAll(SCRIPT)) {
    const [whole, attributes, code] = match;
    if (/\bsrc\s*=/i.test(attributes) || DATA_TYPE.test(attributes) || code.trim() === '') continue;
    const start = match.index;
    const end = start + whole.length;
    const last = runs.at(-1);
    const adjacent = last && last[2] === '' && attributes.trim() === '' && html.slice(last[1], start).trim() === '';
    if (adjacent) {
      last[1] = end;
      last[3] += `;\n${code}`;
    } else {
      runs.push([start, end, attributes.trim(), code]);
    }
  }
  return runs;
}

await mkdir(targetDir, { recursive: true });
let pages = 0;
let files = 0;
for await (const file of htmlFiles(root)) {
  let html = await readFile(file, 'utf8');
  const runs = inlineRuns(html);
  for (const [start, end, attributes, code] of runs.reverse()) {
    const src = await externalize(code);
    html = `${html.slice(0, start)}<script${attributes ? ` ${attributes}` : ''} src="${src}"></script>${html.slice(end)}`;
  }
  await writeFile(file, html);
  pages++;
  files += runs.length;
}
console.log(`externalized the inline scripts of ${pages} pages into ${files} files under ${publicDir}`);
