// What the composer checks before anything is sent: the core plans the requests an action makes
// (planPostAction: the status it asks for, whether the time goes with it, the update that
// follows a new post's create) and its validation predicts the server's answer to each.
import * as sdk from '../sdk/index.js';

// The draft a new post is before its follow-up update, for checking that update. Files still
// waiting to upload are attached to the draft before it, so the stand-in carries them (MIME type,
// name, size; the core tells their kind) for its media rules.
function standInDraft(b, { selected, files, typeOf }) {
  const waiting = files.filter((f) => !f.done).map((f, i) => ({
    id: `__file${i}`, ...(f.file.type ? { mime_type: f.file.type } : {}), original_filename: f.file.name, size: f.file.size,
  }));
  return { id: '__new', status: 'draft', content: b.content, media: [...(b.media ?? []), ...waiting], labels: [], scheduled_at: null,
    platforms: selected.map((r, i) => ({ id: `__pp${i}`, platform: r.account.platform, content_type: typeOf(r), meta: b.platforms[i].meta ?? {}, enabled: true, status: 'pending', social_account: r.account })) };
}

// The requests a submit makes, in order, as validation requests: an existing post's update; or a
// new post's create and, when it is scheduled or published, the update after it (against a
// stand-in draft). form: {post, workspace, selected, files, typeOf}.
export async function checksFor(action, b, form) {
  const { post, workspace } = form;
  if (post) {
    const plan = await sdk.planPostAction({ action, status: post.status, body: b });
    return [{ workspace, method: 'PUT', post_id: post.id, body: plan.update }];
  }
  const plan = await sdk.planPostAction({ action, body: b, platforms: form.selected.map((r, i) => `__pp${i}`) });
  const create = { workspace, method: 'POST', body: plan.create };
  if (!plan.then) return [create];
  const stand = standInDraft(b, form);
  return [create, { workspace: { ...workspace, posts: [...workspace.posts, stand] }, method: 'PUT', post_id: '__new', body: plan.then }];
}

// The first answer that refuses, else the answer to the first request (its body is what is sent).
export async function check(action, b, form) {
  const [first, then] = await checksFor(action, b, form);
  let answer = await sdk.validatePostRequest(first);
  if (form.post) return { ...answer, body: { ...(answer.body ?? first.body), status: first.body.status } };
  if (answer.valid && then) {
    const second = await sdk.validatePostRequest(then);
    if (!second.valid) answer = second;
  }
  return answer;
}
