using System.Net;

namespace Scrubber.Server.Web;

/// <summary>The dashboard's sign-in page: paste an API key with the <c>reports</c> scope. Its styles are served as <c>/signin.css</c>; nothing inline, nothing from a CDN.</summary>
internal static class SignInPage
{
    public static string Render(string tokenField, string token, bool failed) => $$"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Scrubber · sign in</title>
<link rel="stylesheet" href="/signin.css">
</head>
<body>
<h1>Weekly denial dashboard</h1>
<form method="post" action="{{SignInEndpoints.SignInPath}}">
{{(failed ? "<p class=\"error\" id=\"error\">That key was not accepted for the dashboard.</p>" : string.Empty)}}
<label for="key">API key with the reports scope</label>
<input type="password" id="key" name="key" autocomplete="off" autofocus required>
<input type="hidden" name="{{WebUtility.HtmlEncode(tokenField)}}" value="{{WebUtility.HtmlEncode(token)}}">
<button type="submit" id="sign-in">Sign in</button>
</form>
</body>
</html>
""";

    public const string Styles = """
  body { font: 14px/1.4 system-ui, sans-serif; margin: 48px auto; max-width: 420px; color: #1d2733; background: #f7f8fa; }
  h1 { font-size: 20px; } form { background: #fff; border: 1px solid #dde2e8; border-radius: 6px; padding: 16px; }
  label { display: block; font-size: 12px; color: #55606d; margin-bottom: 4px; } input[type=password] { width: 100%; box-sizing: border-box; font-size: 14px; padding: 6px; }
  button { margin-top: 12px; font-size: 14px; padding: 6px 16px; } .error { color: #b42318; margin: 0 0 12px; }
""";
}
