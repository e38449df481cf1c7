"""What the browser refused under the Content-Security-Policy, as the tests go."""


def csp_refusals(page) -> list[str]:
    """A list that fills with each CSP refusal Chromium logs on `page`, with the page's address."""
    refused: list[str] = []

    def heard(message) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", heard)
    return refused
