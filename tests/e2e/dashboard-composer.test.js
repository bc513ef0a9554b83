// The composer's Discord mentions and embeds, and files uploaded from the device, driven only
// through roles and accessible names; what was sent is read back from the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWorkspacePage, pickWorkspace, screenshot, workspaceApi, postsByContent } from './dashboard-support.js';

const ACCOUNT = 'Summit Community';
let dash;
let page;
let problems;
let api;
useWorkspacePage('Summit Outdoor', (env) => ({ dash, page, problems, api } = env));

// The post as the server keeps it, found by its content.
async function postByContent(content) {
  const [found] = await postsByContent(api, content);
  assert.ok(found, `no post "${content}" on the server`);
  return api(`/posts/${found.id}`);
}

// A new post for the Discord account with its channel chosen.
async function newDiscordPost(content) {
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('checkbox', { name: `${ACCOUNT} (discord)` }).check();
  const channel = dialog.getByRole('combobox', { name: new RegExp(`^Discord channel for ${ACCOUNT}`) });
  await channel.getByRole('option', { name: '#general' }).waitFor({ state: 'attached' });
  await channel.selectOption({ label: '#general' });
  await dialog.getByRole('textbox', { name: 'Content' }).fill(content);
  return dialog;
}

const inDays = (n) => `${new Date(Date.now() + n * 86400000).toISOString().slice(0, 10)}T10:30`;

test('a mention and an embed added in the composer are sent with the scheduled Discord post', async () => {
  const dialog = await newDiscordPost('Trail conditions for the weekend');
  await dialog.getByRole('button', { name: `Add mention for ${ACCOUNT}` }).click();
  await dialog.getByRole('textbox', { name: `Mention 1 token for ${ACCOUNT}` }).fill('@here');
  await dialog.getByRole('textbox', { name: `Mention 1 label for ${ACCOUNT}` }).fill('Everyone online');
  await dialog.getByRole('button', { name: `Add mention for ${ACCOUNT}` }).click();
  await dialog.getByRole('textbox', { name: `Mention 2 token for ${ACCOUNT}` }).fill('<@&123456789012345678>');
  await dialog.getByRole('button', { name: `Add embed for ${ACCOUNT}` }).click();
  const embed = dialog.getByRole('group', { name: `Embed 1 for ${ACCOUNT}` });
  await embed.getByRole('textbox', { name: `Embed 1 title for ${ACCOUNT}` }).fill('North ridge');
  await embed.getByRole('textbox', { name: `Embed 1 description for ${ACCOUNT}` }).fill('Snow above 2000 m.');
  await embed.getByRole('textbox', { name: `Embed 1 URL for ${ACCOUNT}` }).fill('https://summit.example/ridge');
  await embed.getByRole('textbox', { name: `Embed 1 colour for ${ACCOUNT}` }).fill('#1E90FF');
  await dialog.getByLabel('Schedule time (UTC)').fill(inDays(4));
  await dialog.getByRole('group', { name: `Mentions for ${ACCOUNT}` }).scrollIntoViewIfNeeded();
  await screenshot(page, 'composer-discord-lists-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await embed.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow}px of horizontal scroll at 390 px`);
  await screenshot(page, 'composer-discord-lists-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });

  const post = await postByContent('Trail conditions for the weekend');
  assert.equal(post.status, 'scheduled');
  const meta = post.platforms[0].meta;
  assert.deepEqual(meta.mentions, [{ token: '@here', label: 'Everyone online' }, { token: '<@&123456789012345678>' }]);
  assert.deepEqual(meta.embeds, [{ title: 'North ridge', description: 'Snow above 2000 m.', url: 'https://summit.example/ridge', color: '#1E90FF' }]);

  // Reopened, the rows are filled; a removed mention and a removed embed leave the post.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByRole('button', { name: /Trail conditions for the weekend/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit post' });
  assert.equal(await edit.getByRole('textbox', { name: `Mention 2 token for ${ACCOUNT}` }).inputValue(), '<@&123456789012345678>');
  assert.equal(await edit.getByRole('textbox', { name: `Embed 1 colour for ${ACCOUNT}` }).inputValue(), '#1E90FF');
  await edit.getByRole('button', { name: `Remove mention 1 for ${ACCOUNT}` }).click();
  assert.equal(await edit.getByRole('textbox', { name: `Mention 1 token for ${ACCOUNT}` }).inputValue(), '<@&123456789012345678>');
  await edit.getByRole('button', { name: `Remove embed 1 for ${ACCOUNT}` }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'detached' });
  const saved = (await postByContent('Trail conditions for the weekend')).platforms[0].meta;
  assert.deepEqual(saved.mentions, [{ token: '<@&123456789012345678>' }]);
  assert.ok(!saved.embeds?.length, `embeds left: ${JSON.stringify(saved.embeds)}`);
});

test('a mention token Discord would not ping gets a notice at that token while typing, and is still sent as written', async () => {
  const dialog = await newDiscordPost('Ping check');
  await dialog.getByRole('button', { name: `Add mention for ${ACCOUNT}` }).click();
  const token = dialog.getByRole('textbox', { name: `Mention 1 token for ${ACCOUNT}` });
  const described = () => token.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  await token.fill('everyone');
  await dialog.getByText(/This mention will not ping anyone/).waitFor();
  assert.match(await described(), /will not ping anyone: Discord pings only @everyone, @here/);
  assert.equal(await token.getAttribute('aria-invalid'), null, 'a notice, not an error');
  await dialog.getByText(/This mention will not ping anyone/).scrollIntoViewIfNeeded();
  await screenshot(page, 'composer-mention-notice-1280');
  await token.fill('@everyone');
  await dialog.getByText(/This mention will not ping anyone/).waitFor({ state: 'detached' });
  assert.doesNotMatch(await described(), /will not ping/);
  // Taken as written: the user may mean it as text.
  await token.fill('<@someone>');
  await dialog.getByText(/This mention will not ping anyone/).waitFor();
  await dialog.getByLabel('Schedule time (UTC)').fill(inDays(6));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual((await postByContent('Ping check')).platforms[0].meta.mentions, [{ token: '<@someone>' }]);
});

test('alt text longer than the platform keeps gets a notice at the alt text field, not an error', async () => {
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('checkbox', { name: 'Summit (mastodon)' }).check();
  await dialog.getByRole('textbox', { name: 'Content' }).fill('Hut photo');
  await dialog.getByRole('textbox', { name: 'Media URL' }).fill('https://summit.example/hut.jpg');
  const alt = dialog.getByRole('textbox', { name: 'Alt text' });
  // A field gets its notice slot (a live region) with its first notice, not before.
  const regionsBefore = await dialog.getByRole('status').count();
  await alt.fill('a'.repeat(1600));
  await dialog.getByText('Mastodon takes 1500 characters of alt text; the other 100 are cut when publishing.').waitFor();
  assert.equal(await dialog.getByRole('status').count(), regionsBefore + 1);
  const described = await alt.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.match(described, /Mastodon takes 1500 characters of alt text/);
  assert.equal(await alt.getAttribute('aria-invalid'), null);
  await alt.fill('A wooden hut under snow');
  await dialog.getByText(/characters of alt text/).waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('an invalid embed colour is refused at the colour field with everything typed kept; an 11th embed cannot be added', async () => {
  const dialog = await newDiscordPost('Colour check');
  await dialog.getByRole('button', { name: `Add mention for ${ACCOUNT}` }).click();
  await dialog.getByRole('textbox', { name: `Mention 1 token for ${ACCOUNT}` }).fill('@everyone');
  const add = dialog.getByRole('button', { name: `Add embed for ${ACCOUNT}` });
  await add.click();
  await add.click();
  const title = dialog.getByRole('textbox', { name: `Embed 2 title for ${ACCOUNT}` });
  await title.fill('Second');
  const colour = dialog.getByRole('textbox', { name: `Embed 2 colour for ${ACCOUNT}` });
  await colour.fill('sky blue');
  await dialog.getByLabel('Schedule time (UTC)').fill(inDays(5));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await page.waitForFunction(() => document.querySelector('dialog [aria-invalid="true"]'));
  assert.equal(await colour.getAttribute('aria-invalid'), 'true');
  // The core's rule, in the core's plain words, tied to the field it names (no API path in it).
  const described = await colour.evaluate((el) => el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
  assert.match(described, /Discord, embed 2 color: this is not written the way it should be\./);
  assert.doesNotMatch(described, /platforms\.0/);
  assert.equal(await dialog.getByRole('textbox', { name: `Embed 1 colour for ${ACCOUNT}` }).getAttribute('aria-invalid'), null);
  assert.equal(await colour.inputValue(), 'sky blue');
  assert.equal(await title.inputValue(), 'Second');
  assert.equal(await dialog.getByRole('textbox', { name: `Mention 1 token for ${ACCOUNT}` }).inputValue(), '@everyone');
  assert.equal(await dialog.getByRole('textbox', { name: 'Content' }).inputValue(), 'Colour check');
  await screenshot(page, 'composer-embed-colour-error-1280');

  for (let n = 3; n <= 10; n++) await add.click();
  assert.equal(await dialog.getByRole('group', { name: new RegExp(`^Embed \\d+ for ${ACCOUNT}$`) }).count(), 10);
  assert.equal(await add.isDisabled(), true);
  await dialog.getByText('A message takes at most 10 embeds.').waitFor();
  // Removing one makes room again.
  await dialog.getByRole('button', { name: `Remove embed 10 for ${ACCOUNT}` }).click();
  assert.equal(await add.isDisabled(), false);
  assert.equal(await dialog.getByRole('group', { name: new RegExp(`^Embed \\d+ for ${ACCOUNT}$`) }).count(), 9);
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('files chosen for a new post are uploaded once its draft exists; an open post shows each upload\'s progress and the attached media', async () => {
  const avatar = new URL('../../server/fixtures/media/avatar.png', import.meta.url).pathname;
  const dialog = await newDiscordPost('Photos from the hut');
  await dialog.getByLabel('Files to upload').setInputFiles(avatar);
  const waiting = dialog.getByRole('progressbar', { name: 'Upload of avatar.png' });
  await waiting.waitFor();
  await dialog.getByRole('list', { name: 'File uploads' }).getByText('waiting for the post to be saved').waitFor();
  await dialog.getByLabel('Schedule time (UTC)').fill(inDays(6));
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  await dialog.waitFor({ state: 'detached' });
  const draft = await postByContent('Photos from the hut');
  assert.equal(draft.status, 'draft');
  assert.deepEqual(draft.media.map((m) => m.original_filename), ['avatar.png']);

  // The draft opened again: a file chosen now is uploaded at once, with its progress shown.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByRole('button', { name: /Photos from the hut/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit post' });
  const attached = edit.getByRole('list', { name: 'Attached media' });
  await attached.getByText(/avatar\.png/).waitFor();
  await edit.getByLabel('Upload files').setInputFiles({ name: 'summit.png', mimeType: 'image/png', buffer: await import('node:fs').then((fs) => fs.readFileSync(avatar)) });
  const bar = edit.getByRole('progressbar', { name: 'Upload of summit.png' });
  await edit.getByRole('list', { name: 'File uploads' }).getByText('uploaded').waitFor();
  assert.equal(await bar.evaluate((el) => el.value), 1);
  await attached.getByText(/summit\.png/).waitFor();
  assert.equal(await attached.getByRole('listitem').count(), 2);
  assert.deepEqual((await postByContent('Photos from the hut')).media.map((m) => m.original_filename), ['avatar.png', 'summit.png']);
  await edit.getByRole('list', { name: 'File uploads' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'composer-upload-1280');

  // A file the server refuses: its message at the file field, nothing attached.
  await edit.getByLabel('Upload files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  const input = edit.getByLabel('Upload files');
  await page.waitForFunction(() => document.querySelector('dialog input[type="file"]')?.getAttribute('aria-invalid') === 'true');
  const message = await input.evaluate((el) => document.getElementById(`${el.id}-error`).textContent);
  assert.match(message, /^notes\.txt: The media field must be a file of type/);
  assert.equal(await attached.getByRole('listitem').count(), 2);
  await edit.getByRole('button', { name: 'Close' }).click();
  // Closed without saving, opened again: the page's copy of the post already has the upload.
  await page.getByRole('button', { name: /Photos from the hut/ }).click();
  const again = page.getByRole('dialog', { name: 'Edit post' });
  await again.getByRole('list', { name: 'Attached media' }).getByText(/summit\.png/).waitFor();
  await again.getByRole('button', { name: 'Close' }).click();
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
});

test('a platform that needs media can be scheduled in one go with a file from the device', async () => {
  const avatar = new URL('../../server/fixtures/media/avatar.png', import.meta.url).pathname;
  await pickWorkspace(page, 'Northwind Agency');
  await page.getByRole('button', { name: 'New post' }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByRole('checkbox', { name: 'Northwind Studio (instagram)' }).check();
  await dialog.getByRole('textbox', { name: 'Content' }).fill('Studio tour, in one picture');
  await dialog.getByLabel('Files to upload').setInputFiles(avatar);
  await dialog.getByLabel('Schedule time (UTC)').fill(inDays(5));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await dialog.waitFor({ state: 'detached' });
  const list = await workspaceApi(dash, 'Northwind Agency')('/posts');
  const made = list.data.find((p) => p.content === 'Studio tour, in one picture');
  assert.ok(made, 'the post was created');
  assert.equal(made.status, 'scheduled');
  assert.deepEqual(made.media.map((m) => m.original_filename), ['avatar.png']);
  await pickWorkspace(page, 'Summit Outdoor');
});

test('a step that fails after the draft exists reopens that draft: trying again edits it, no second post', async () => {
  const dialog = await newDiscordPost('One post only, please');
  await dialog.getByLabel('Files to upload').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
  await dialog.getByLabel('Schedule time (UTC)').fill(inDays(8));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit post' });
  await edit.waitFor();
  await edit.getByText(/Saved as a draft, not scheduled: a file could not be uploaded/).waitFor();
  assert.equal(await edit.getByRole('textbox', { name: 'Content' }).inputValue(), 'One post only, please');
  await edit.getByRole('button', { name: 'Schedule' }).click();
  await edit.waitFor({ state: 'detached' });
  const list = await api('/posts');
  const same = (list.data ?? list).filter((p) => p.content === 'One post only, please');
  assert.equal(same.length, 1, 'trying again did not create a second post');
  assert.equal(same[0].status, 'scheduled');
});
