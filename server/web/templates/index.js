// The "Try it" form posts the page as text/html (the service takes no form-encoded bodies: any web page could
// send those cross-site without a CORS preflight), then shows the reading page in place of this one.
document.querySelector("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const status = document.querySelector("#status");
  status.textContent = "Cleaning…";
  const address = `/clean?format=html&url=${encodeURIComponent(form.elements.url.value)}`;
  try {
    const response = await fetch(address, {
      method: "POST",
      headers: { "Content-Type": "text/html; charset=utf-8", Accept: "text/html" },
      body: form.elements.html.value,
    });
    if (!response.ok) {
      const answer = await response.json();
      status.textContent = `${response.status}: ${answer.error.message}`;
      return;
    }
    const page = await response.text();
    document.open();
    document.write(page);
    document.close();
  } catch (error) {
    status.textContent = `The service did not answer: ${error.message}`;
  }
});
