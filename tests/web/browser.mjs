// Browser checks of cantine.cgi's pages (docs/cgi.md, "Tests"), run by
// web_browser.py, which builds the test store, starts lighttpd and gives:
//   CANTINE_URL        http://127.0.0.1:PORT/cantine.cgi
//   CANTINE_PRIVATE_URL  the same behind basic authentication (/prive/cantine.cgi)
//   CANTINE_PASSWORD   the password of every user of web_auth_test.py
//   CANTINE_YEAR       the year audited on the département's pages
//   CANTINE_NPM        the folder holding node_modules (playwright-core, axe-core)
//   CANTINE_ARTIFACTS  where the screenshot and the PDF are kept
//   CANTINE_CHANGES    JSON list of [day, text] the changed meals must show
//   CHROMIUM           the browser (default /usr/bin/chromium)
// Prints "ÉCHEC : …" for each failed check, and exits 1 when there is one.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.CANTINE_NPM, 'node_modules', 'x.js'));
const { chromium } = require('playwright-core');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BASE = process.env.CANTINE_URL;
const PRIVATE = process.env.CANTINE_PRIVATE_URL;
const YEAR = process.env.CANTINE_YEAR;
const A = '0595871L';
// web_auth_test.py: A's week of 30 November is proposed to its committee.
const PROPOSED = `uai=${A}&date=2026-11-30`;
const OUT = process.env.CANTINE_ARTIFACTS;
const WEEK = '?page=semaine&uai=0595871L&date=2026-11-23';
const HOSTILE = '?page=semaine&uai=0593904Y&date=2026-11-23';
const failures = [];

function check(cond, what) {
  if (!cond) {
    failures.push(what);
    console.log('ÉCHEC : ' + what);
  }
}

// The weeks printed: the demo collège's busiest weeks, with and without
// the filter's warnings (and the changed meal), a collège serving five
// days, the hostile names.
const PRINTED = [
  'uai=0595871L&date=2026-11-23',
  'uai=0595871L&date=2026-11-23&sans=lait&sans=gluten&sans=oeufs',
  'uai=0595871L&date=2026-10-05',
  'uai=0622413L&date=2026-11-23',
  'uai=0593904Y&date=2026-11-23',
];

// The dishes of the demo week that contain or may contain milk or eggs,
// read from the allergen register (`cantine allergens --etab 0595871L
// --date 2026-11-23`), by day: the filter must mark these and no other.
const AVOID_MILK_EGGS = [
  'Lundi 23 novembre 2026 / Coquillettes au beurre',
  'Lundi 23 novembre 2026 / Yaourt aromatisé',
  'Mardi 24 novembre 2026 / Filet de colin sauce citron',
  'Mardi 24 novembre 2026 / Fondue de poireaux',
  'Mardi 24 novembre 2026 / Maroilles fermier AOP',
  'Jeudi 26 novembre 2026 / Soupe de pois cassés',
  'Jeudi 26 novembre 2026 / Omelette aux fines herbes',
  'Jeudi 26 novembre 2026 / Yaourt nature bio',
  "Vendredi 27 novembre 2026 / Salade d'endives aux noix et à la mimolette",
  'Vendredi 27 novembre 2026 / Petits-suisses nature',
];

// Every dialog, console message and page error of a page, kept to prove
// that no script ran and that the CSP reported nothing.
function watch(page) {
  const seen = { dialogs: [], console: [], errors: [] };
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('console', (m) => {
    const url = m.location().url || '';
    // The browser asks for /favicon.ico on its own (the pages name no
    // icon), and reports the status of the error pages this test asks for.
    if (m.text().startsWith('Failed to load resource') &&
        (url.endsWith('/favicon.ico') || EXPECTED_ERRORS.has(url))) return;
    seen.console.push(m.type() + ': ' + m.text() + ' (' + url + ')');
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return seen;
}

const EXPECTED_ERRORS = new Set();
async function open(page, query, status, base = BASE) {
  if (status !== 200) EXPECTED_ERRORS.add(base + query);
  const resp = await page.goto(base + query);
  check(resp && resp.status() === status,
    `${query} : statut ${resp && resp.status()}, attendu ${status}`);
}

// axe-core in the page (evaluated through the DevTools protocol, which the
// page's CSP does not govern): every rule of its default set, and the
// enhanced contrast (WCAG AAA 1.4.6, 7:1) since families read these pages
// on phones, outdoors.
const AXE_RESULTS = [];
async function axe(page, name) {
  await page.evaluate(AXE);
  const r = await page.evaluate(() => globalThis.axe.run(document, {
    resultTypes: ['violations'],
    rules: { 'color-contrast-enhanced': { enabled: true } },
  }));
  AXE_RESULTS.push(`${name} : ${r.violations.length} violation(s), ${r.passes.length} règle(s) ` +
    `respectée(s), à revoir à la main : ${r.incomplete.map((v) => v.id + ' (' +
      v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' ; ') + ')').join(', ') || 'aucune'}`);
  for (const v of r.violations) {
    check(false, `axe, ${name} : ${v.id} (${v.impact}) ${v.help} : ` +
      v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' ; '));
  }
}

// WCAG contrast ratio of two CSS colours "rgb(r, g, b)".
function contrast(c1, c2) {
  const lum = (c) => {
    const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(c1), lum(c2)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

// axe leaves the text of SVG charts "to review" (it does not find its
// background): each text must lie on the page's background, clear of the
// bars, and its fill reach 7:1 against it.
async function chartText(page, name) {
  const texts = await page.$$eval('figure.graphique svg', (svgs) => svgs.flatMap((svg) => {
    const bars = [...svg.querySelectorAll('rect')].map((r) => r.getBoundingClientRect());
    return [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBoundingClientRect();
      const over = bars.some((r) => r.width > 0 && b.left < r.right && r.left < b.right &&
        b.top < r.bottom && r.top < b.bottom);
      return [t.textContent, getComputedStyle(t).fill, over];
    });
  }));
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  check(texts.length > 0, `${name} : aucun texte dans les graphiques`);
  for (const [text, fill, over] of texts) {
    check(!over, `${name} : « ${text} » sur une barre`);
    check(contrast(fill, bg) >= 7, `${name} : « ${text} » contraste ${contrast(fill, bg).toFixed(2)} < 7`);
  }
}

// "day / dish" of each dish marked "À éviter" on the page.
async function avoided(page) {
  return page.$$eval('section.jour', (secs) => secs.flatMap((s) => {
    const day = s.querySelector('h2').textContent;
    return [...s.querySelectorAll('li.plat.eviter')]
      .filter((li) => li.querySelector('p.alerte strong')?.textContent.startsWith('À éviter : '))
      .map((li) => day + ' / ' + li.querySelector('p.nom').textContent);
  }));
}

function pdfPages(buf) {
  const s = buf.toString('latin1');
  const counts = [...s.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g),
    ...s.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : -1;
}

async function pages(browser) {
  const page = await browser.newPage();
  page.setDefaultTimeout(10000);
  const seen = watch(page);

  // The collèges, then the week of a collège with published menus.
  await open(page, '', 200);
  check((await page.locator('h1').textContent()) === 'Menus des collèges', 'liste : titre');
  await axe(page, 'liste des collèges');
  await page.getByRole('link', { name: 'Collège Louise Michel' }).click();
  await page.waitForURL(/page=semaine&uai=0595871L$/);
  await open(page, WEEK, 200);
  check((await page.locator('h1').textContent()).startsWith('Menus de la semaine'), 'semaine : titre');
  check((await page.locator('section.jour h2').allTextContents()).join('|') ===
    'Lundi 23 novembre 2026|Mardi 24 novembre 2026|Jeudi 26 novembre 2026|Vendredi 27 novembre 2026',
  'semaine : jours');
  check((await avoided(page)).length === 0, 'semaine sans filtre : plats « À éviter »');
  await axe(page, 'semaine');

  // The changed meals say so, visibly, each under its day.
  const want = JSON.parse(process.env.CANTINE_CHANGES);
  const mods = await page.$$eval('section.jour p.modifie', (ps) => ps.map((p) =>
    [p.closest('section.jour').querySelector('h2').textContent, p.textContent]));
  check(JSON.stringify(mods) === JSON.stringify(want), 'semaine : modifications ' + JSON.stringify(mods));
  for (const p of await page.locator('section.jour p.modifie').all()) {
    check(await p.isVisible(), 'semaine : modification invisible');
  }

  // The filter, with the mouse: tick milk and eggs, submit.
  await page.getByLabel('lait', { exact: true }).check();
  await page.getByLabel('œufs', { exact: true }).check();
  await page.getByRole('button', { name: 'Signaler les plats à éviter' }).click();
  await page.waitForURL(/&sans=oeufs&sans=lait$/);
  const got = await avoided(page);
  check(JSON.stringify(got) === JSON.stringify(AVOID_MILK_EGGS),
    'filtre lait et œufs : plats signalés ' + JSON.stringify(got));
  check(await page.getByLabel('lait', { exact: true }).isChecked(), 'filtre : case lait décochée');
  check(await page.locator('li.eviter p.alerte strong').first().isVisible(), 'filtre : alerte invisible');
  const shot = path.join(OUT, 'semaine-filtre-lait-oeufs.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log('capture : ' + shot);
  await axe(page, 'semaine avec le filtre');
  await page.setViewportSize({ width: 375, height: 800 });
  await axe(page, 'semaine avec le filtre, écran de téléphone');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Errors: a refused parameter (400), an unknown collège (404).
  await open(page, '?page=semaine&uai=0595871M', 400);
  check((await page.locator('h1').count()) === 1, '400 : titre');
  await axe(page, 'erreur 400');
  await open(page, '?page=semaine&uai=0591234W', 404);
  check((await page.locator('h1').textContent()) === 'Collège inconnu', '404 : titre');
  await axe(page, 'erreur 404');

  // What the print style sheet hides: navigation, form, links; the days
  // keep their place (the first day in the first column).
  await open(page, WEEK, 200);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.$$eval('nav, section.filtre, section.liens, header.site, a.evitement',
    (els) => els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.tagName + '.' + e.className));
  check(shown.length === 0, 'impression : éléments non masqués ' + JSON.stringify(shown));
  const firstDay = await page.locator('section.jour').first().boundingBox();
  const title = await page.locator('h1').boundingBox();
  check(firstDay && title && Math.abs(firstDay.x - title.x) < 2,
    'impression : le premier jour n\'est pas dans la première colonne');
  await page.emulateMedia({ media: null });

  // Each week printed fits on one A4 page (landscape: the print style
  // sheet sets the days side by side).
  for (const [i, q] of PRINTED.entries()) {
    await open(page, '?page=semaine&' + q, 200);
    const pdf = path.join(OUT, `semaine-${i}.pdf`);
    const buf = await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    check(pdfPages(buf) === 1, `impression ${q} : ${pdfPages(buf)} page(s), attendu 1`);
    if (i === 0) console.log('impression : ' + pdf);
  }

  check(seen.dialogs.length === 0 && seen.errors.length === 0 && seen.console.length === 0,
    'pages : dialogue, erreur ou console ' + JSON.stringify(seen));
  await page.close();
}

// The keyboard alone: Tab to the first allergen box (the skip link first),
// Space to tick it, Tab to the button, Enter to submit.
async function keyboard(browser) {
  const page = await browser.newPage();
  page.setDefaultTimeout(10000);
  await open(page, WEEK, 200);
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return {
      tag: a.tagName, id: a.id, text: a.textContent.trim(),
      type: a.getAttribute('type'), outline: getComputedStyle(a).outlineStyle,
      inMain: !!a.closest('main'),
    };
  });
  await page.keyboard.press('Tab');
  const first = await active();
  check(first.tag === 'A' && first.text === 'Aller au contenu',
    'clavier : le premier Tab ne mène pas au lien d\'évitement ' + JSON.stringify(first));
  check(first.outline !== 'none', 'clavier : focus invisible sur le lien d\'évitement');
  // The skip link skips the header: the next Tab lands in <main>.
  await page.keyboard.press('Enter');
  // The fragment navigation may land after the key press returns.
  await page.waitForURL(/#contenu$/, { timeout: 3000 }).catch(() => {});
  check(page.url().endsWith('#contenu'), 'clavier : le lien d\'évitement ne mène pas au contenu');
  await page.keyboard.press('Tab');
  let tabs = 2, a = await active();
  check(a.inMain, 'clavier : après le lien d\'évitement, le focus est hors du contenu ' + JSON.stringify(a));
  while (a.id !== 'sans-gluten' && tabs < 200) {
    await page.keyboard.press('Tab');
    a = await active();
    tabs++;
  }
  check(a.id === 'sans-gluten', 'clavier : case « gluten » jamais atteinte');
  check(a.outline !== 'none', 'clavier : focus invisible sur la case');
  await page.keyboard.press('Space');
  check(await page.locator('#sans-gluten').isChecked(), 'clavier : Espace ne coche pas la case');
  while (a.tag !== 'BUTTON' && tabs < 200) {
    await page.keyboard.press('Tab');
    a = await active();
    tabs++;
  }
  check(a.tag === 'BUTTON' && a.type === 'submit', 'clavier : bouton jamais atteint');
  await Promise.all([page.waitForURL(/sans=gluten/), page.keyboard.press('Enter')]);
  const got = await avoided(page);
  check(got.includes('Lundi 23 novembre 2026 / Pain') && got.includes('Lundi 23 novembre 2026 / Goulash de bœuf au paprika'),
    'clavier : filtre gluten sans effet ' + JSON.stringify(got));
  console.log(`clavier : formulaire envoyé après ${tabs} Tab`);
  await page.close();
}

// Hostile dish names are text: no script element, no dialog, a window
// flag set before the page loads left untouched.  Run with the page's CSP
// (which must not even have to block anything) and without it (so the
// escaping alone is what is tested).
async function hostile(browser, bypassCSP) {
  const ctx = await browser.newContext({ bypassCSP });
  const page = await ctx.newPage();
  const seen = watch(page);
  const how = bypassCSP ? 'sans CSP' : 'avec CSP';
  await page.addInitScript(() => {
    window.__cantineSentinel = 'intact';
    window.__cantineCalls = 0;
    for (const f of ['alert', 'confirm', 'prompt']) {
      const orig = window[f];
      window[f] = (...args) => { window.__cantineCalls++; window.__cantineSentinel = 'touché'; return orig.apply(window, args); };
    }
  });
  await open(page, HOSTILE, 200);
  const names = await page.locator('p.nom').allTextContents();
  check(names.includes('<script>alert(1)</script>'), `${how} : nom <script> absent ${JSON.stringify(names)}`);
  check(names.includes("Robert'); DROP TABLE menus;--"), `${how} : nom Robert'); absent`);
  check(names.includes('Yaourt & <b>fraise</b>'), `${how} : nom avec <b> absent`);
  check(await page.locator('script').count() === 0, `${how} : un élément <script> dans la page`);
  check(await page.locator('p.nom b').count() === 0, `${how} : un élément <b> dans un nom`);
  const flags = await page.evaluate(() => [window.__cantineSentinel, window.__cantineCalls]);
  check(flags[0] === 'intact' && flags[1] === 0, `${how} : un script a tourné ${JSON.stringify(flags)}`);
  check(seen.dialogs.length === 0, `${how} : dialogue ${JSON.stringify(seen.dialogs)}`);
  check(seen.console.length === 0 && seen.errors.length === 0,
    `${how} : console ${JSON.stringify(seen.console.concat(seen.errors))}`);
  // The store is intact: the menus of the demo collège are still there.
  await open(page, WEEK, 200);
  check(await page.locator('p.nom').count() > 10, `${how} : menus disparus après la page hostile`);
  await ctx.close();
}

// A page of `user`, logged in with HTTP basic authentication (the
// server's mod_auth; the CGI reads REMOTE_USER).
async function loggedIn(browser, user) {
  const ctx = await browser.newContext({
    httpCredentials: { username: user, password: process.env.CANTINE_PASSWORD },
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  return { ctx, page, seen: watch(page) };
}

// The text of each comment shown on a role page: [day, text, handled].
async function comments(page) {
  return page.$$eval('section.jour li.commentaire', (lis) => lis.map((li) => [
    li.closest('section.jour').querySelector('h2').textContent,
    [...li.querySelectorAll('p.texte')].map((p) => p.textContent).join('\n'),
    li.classList.contains('traite'),
  ]));
}

// Submits a form with `submit` and waits for the page it leads to: the
// POST answers 303 (Post/Redirect/Get), then the new page loads (the
// same address as before, so waitForURL would not wait).
async function posted(page, action, submit) {
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    submit(),
  ]);
  check(resp.url().endsWith('?page=' + action) && resp.status() === 303,
    `${action} : ${resp.url()} statut ${resp.status()}, attendu 303`);
}

// The pages of each role, with axe; a committee member types a comment
// and sends it with the keyboard, the gestionnaire marks it handled with
// the mouse.
async function roles(browser) {
  const said = 'Le lundi, deux féculents : des haricots verts plutôt ?';
  const day = 'Lundi 30 novembre 2026';

  let { ctx, page, seen } = await loggedIn(browser, 'comite-a');
  await open(page, '?page=comite&' + PROPOSED, 200, PRIVATE);
  check((await page.locator('h1').textContent()).startsWith('Menus proposés au comité'),
    'comité : titre');
  await axe(page, 'comité');
  const box = page.getByLabel('Votre commentaire sur le menu du ' + day, { exact: true });
  await box.focus();
  const focus = await page.evaluate(() => [document.activeElement.tagName,
    getComputedStyle(document.activeElement).outlineStyle]);
  check(focus[0] === 'TEXTAREA' && focus[1] !== 'none',
    'comité : zone de texte sans focus visible ' + JSON.stringify(focus));
  await page.keyboard.type(said);
  await page.keyboard.press('Tab');
  const button = await page.evaluate(() => [document.activeElement.tagName,
    document.activeElement.textContent, getComputedStyle(document.activeElement).outlineStyle]);
  check(button[0] === 'BUTTON' && button[1] === 'Envoyer le commentaire' && button[2] !== 'none',
    'comité : Tab après la zone de texte ' + JSON.stringify(button));
  await posted(page, 'commenter', () => page.keyboard.press('Enter'));
  check(page.url() === PRIVATE + '?page=comite&' + PROPOSED, 'comité : retour ' + page.url());
  let got = await comments(page);
  check(JSON.stringify(got) === JSON.stringify([[day, said, false]]),
    'comité : commentaire affiché ' + JSON.stringify(got));
  check(await page.locator('li.commentaire').first().isVisible(), 'comité : commentaire invisible');
  const shot = path.join(OUT, 'comite.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log('capture : ' + shot);
  await axe(page, 'comité avec un commentaire');
  await page.setViewportSize({ width: 375, height: 800 });
  await axe(page, 'comité, écran de téléphone');
  check(seen.dialogs.length === 0 && seen.errors.length === 0 && seen.console.length === 0,
    'comité : dialogue, erreur ou console ' + JSON.stringify(seen));
  await ctx.close();

  ({ ctx, page, seen } = await loggedIn(browser, 'gest-a'));
  await open(page, '?page=gestion&' + PROPOSED, 200, PRIVATE);
  got = await comments(page);
  check(JSON.stringify(got) === JSON.stringify([[day, said, false]]),
    'gestion : commentaire listé ' + JSON.stringify(got));
  await axe(page, 'gestion');
  const item = page.locator('li.commentaire', { hasText: said });
  await posted(page, 'traiter',
    () => item.getByRole('button', { name: 'Marquer comme traité' }).click());
  check(page.url() === PRIVATE + '?page=gestion&' + PROPOSED, 'gestion : retour ' + page.url());
  got = await comments(page);
  check(JSON.stringify(got) === JSON.stringify([[day, said, true]]),
    'gestion : commentaire non traité ' + JSON.stringify(got));
  check((await item.locator('p.etat').textContent()).startsWith('Traité par gest-a le '),
    'gestion : « Traité par » absent');
  check(await page.getByRole('button', { name: 'Marquer comme traité' }).count() === 0,
    'gestion : bouton « Marquer comme traité » restant');
  await axe(page, 'gestion, commentaire traité');
  await open(page, '?page=gestion&uai=0595871L&date=2026-12-07', 200, PRIVATE);
  await axe(page, 'gestion, semaine en brouillon');
  check(seen.dialogs.length === 0 && seen.errors.length === 0 && seen.console.length === 0,
    'gestion : dialogue, erreur ou console ' + JSON.stringify(seen));
  await ctx.close();

  ({ ctx, page, seen } = await loggedIn(browser, 'dep59'));
  await open(page, `?page=departement&dep=59&annee=${YEAR}`, 200, PRIVATE);
  check(await page.locator('figure.graphique svg').count() === 5, 'département : 5 graphiques');
  const dshot = path.join(OUT, 'departement.png');
  await page.screenshot({ path: dshot, fullPage: true });
  console.log('capture : ' + dshot);
  await axe(page, 'département');
  await chartText(page, 'département');
  await page.getByRole('link', { name: 'Collège Louise Michel' }).click();
  await page.waitForURL(/page=audit-college&uai=0595871L/);
  check((await page.locator('h1').count()) === 1, 'audit d\'un collège : titre');
  await axe(page, 'audit d\'un collège');
  // Another role's page: 403.
  await open(page, '?page=comite&' + PROPOSED, 403, PRIVATE);
  check((await page.locator('h1').textContent()).includes('Accès refusé'), '403 : titre');
  await axe(page, 'accès refusé (403)');
  check(seen.dialogs.length === 0 && seen.errors.length === 0 && seen.console.length === 0,
    'département : dialogue, erreur ou console ' + JSON.stringify(seen));
  await ctx.close();
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  await pages(browser);
  await keyboard(browser);
  await hostile(browser, false);
  await hostile(browser, true);
  await roles(browser);
} catch (e) {
  check(false, 'exception : ' + (e && e.stack || e));
} finally {
  await browser.close();
}
for (const line of AXE_RESULTS) console.log('axe ' + line);
writeFileSync(path.join(OUT, 'axe.txt'), AXE_RESULTS.join('\n') + '\n');
if (failures.length) {
  console.log(`${failures.length} vérification(s) en échec`);
  process.exit(1);
}
console.log('tests navigateur : tout est bon');
