// A value saved as a JSON file through a link the page clicks, as any download: no "downloads" permission needed.
export function downloadJson(filename, value) {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: give it time before letting go.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
