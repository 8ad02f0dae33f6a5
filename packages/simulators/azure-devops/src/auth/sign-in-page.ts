/**
 * What a request without usable credentials gets when it did not ask to suppress the redirect:
 * `203 Non-Authoritative Information` with an HTML sign-in page, a 2xx that JSON clients must
 * not mistake for data.
 */
export const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Azure DevOps Services | Sign In</title></head>
<body>
<h1>Sign in to Azure DevOps</h1>
<p>You need to sign in to see this page. (Azure DevOps simulator: send a personal access token
with HTTP Basic authentication, or the header <code>X-TFS-FedAuthRedirect: Suppress</code> to get
a 401 instead of this page.)</p>
</body>
</html>`;
