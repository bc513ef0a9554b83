// The composer's files from this device: a line per file with a <progress> fed by the SDK's
// stages, and the uploads themselves, one file at a time. An existing post takes each file at
// once (the upload attaches it); a new one keeps them until its draft exists.
import { h, errorText } from './dom.js';

// {editing, state: {files}, uploads: <ul>, fileInput, filesField, upload(postId, file, options),
// onAttached(media)} -> {uploadRow(file), uploadAll(postId)}
export function fileUploads({ editing, state, uploads, fileInput, filesField, upload, onAttached }) {
  // One line per file: its name, a <progress> fed by the SDK's stages, and what happened.
  function uploadRow(file) {
    const bar = h('progress', { max: '1', value: '0', 'aria-label': `Upload of ${file.name}` });
    const note = h('span', { class: 'hint', text: editing ? ' waiting' : ' waiting for the post to be saved' });
    const remove = editing ? null : h('button', { type: 'button', class: 'danger-link', 'aria-label': `Remove file ${file.name}`, text: 'Remove', onclick: () => {
      state.files.splice(state.files.indexOf(row), 1);
      li.remove();
      uploads.hidden = state.files.length === 0;
      fileInput.focus();
    } });
    const li = h('li', {}, h('span', { class: 'media-url', text: file.name }), ' ', bar, note, ' ', remove);
    uploads.append(li);
    const row = {
      file, done: false,
      progress(p) {
        if (p.stage === 'queued') note.textContent = ' queued';
        else if (p.stage === 'sending') {
          note.textContent = ' sending';
          // Bytes are reported only when the body is streamed; until then the bar is indeterminate.
          if (p.total && p.loaded) bar.value = p.loaded / p.total;
          else bar.removeAttribute('value');
        } else if (p.stage === 'done') {
          bar.value = 1;
          note.textContent = ' uploaded';
          remove?.remove();
        } else if (p.stage === 'failed') {
          bar.value = 0;
          note.textContent = ' failed';
        }
      },
    };
    return row;
  }

  // Uploads the waiting files one by one; the post's answer carries the new media. Answers
  // {errors, message} for the first refusal (it is shown at the file field), else {}.
  async function uploadAll(postId) {
    for (const row of state.files) {
      if (row.done || row.busy) continue;
      row.busy = true;
      try {
        const answer = await upload(postId, row.file, { onProgress: (p) => row.progress(p) });
        row.done = true;
        const added = answer?.media?.at(-1);
        if (editing && added) onAttached(added);
      } catch (err) {
        const message = (err.errors?.media ?? []).join(' ') || errorText(err);
        filesField.setError(`${row.file.name}: ${message}`);
        return { errors: { files: [`${row.file.name}: ${message}`] }, message };
      } finally {
        row.busy = false;
      }
    }
    return {};
  }

  return { uploadRow, uploadAll };
}
