// A small page with an article and the usual furniture around it.
export const TITLE = 'The lighthouse keeper who counted moths';

const prose = [
  'Every night for eleven summers, the keeper of a small lighthouse on the northern cape wrote down how many moths circled the lamp before midnight.',
  'Her notebooks, found in a drawer when the station was automated, hold more than four thousand entries in a steady, slanted hand, each with the wind, the cloud and the temperature beside it.',
  'A group of volunteers has now typed every page into a spreadsheet, and the counts rise and fall with the warm evenings in a way that surprised the biologists who first looked at them.',
];

export const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${TITLE} | The Harbour Gazette</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>
<main><article><h1>${TITLE}</h1><p class="byline">By Ada Fernsby</p>
${prose.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<footer><p>Subscribe to our newsletter</p><p>© The Harbour Gazette</p></footer>
</body></html>`;
