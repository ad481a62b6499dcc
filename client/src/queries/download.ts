/** Browser downloads: query exports the API sent and the export files made in the page. */

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: { filename: string; blob: Blob }): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy by the next task; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
