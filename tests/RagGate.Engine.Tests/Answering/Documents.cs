using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Tests.Answering;

/// <summary>Small support-knowledge-base documents written for these tests.</summary>
internal static class Documents
{
    public static RetrievedDocument PasswordReset(int rank = 1) => new(
        "account/password-reset", 0.82, rank,
        "# Reset your password\n\n"
        + "If you forgot your password, open the sign-in page and choose Forgot password. "
        + "We e-mail you a reset link that expires after 30 minutes. "
        + "Passwords must be at least 12 characters long.\n\n"
        + "- Support agents never ask for your password.");

    public static RetrievedDocument ResetPasswordSteps(int rank = 1) => new(
        "account/reset-password", 0.7, rank,
        "# Reset a forgotten password\n\n"
        + "If you forgot your password, reset it from the sign-in page. You need your account email.\n\n"
        + "## Steps\n\n"
        + "1. Open the sign-in page and click Forgot password.\n"
        + "2. Enter your email address and click Send reset link.\n"
        + "3. Open the email and click Choose a new password.\n"
        + "4. Type the new password twice and click Save.\n\n"
        + "## The email did not arrive\n\n"
        + "- Check your spam folder.\n"
        + "- Wait 5 minutes before you ask for another link.");

    public static RetrievedDocument ChangePasswordSteps(int rank = 1) => new(
        "account/change-password", 0.8, rank,
        "# Change your password\n\n"
        + "If you know your current password, change it in your security settings.\n\n"
        + "## Steps\n\n"
        + "1. Open Settings and then Security.\n"
        + "2. Enter your current password, then the new password twice.\n"
        + "3. Click Update password.");

    public static RetrievedDocument TwoFactor(int rank = 2) => new(
        "account/two-factor", 0.61, rank,
        "# Two-factor login\n\n"
        + "Two-factor login adds a 6-digit code from an authenticator app to your password. "
        + "If you lose your phone, use one of your backup codes to sign in.");

    public static RetrievedDocument Shipping(int rank = 1) => new(
        "orders/shipping", 0.12, rank,
        "# Shipping times\n\n"
        + "Orders ship within two business days. "
        + "International parcels take five to ten days to arrive.");

    public static RetrievedDocument Invoices(int rank = 2) => new(
        "billing/invoices", 0.09, rank,
        "# Invoices\n\n"
        + "Invoices are issued on the first day of each month. "
        + "Download them as PDF files from the Billing page.");

    /// <summary>A long document, so that a context budget has to cut it.</summary>
    public static RetrievedDocument Long(string id, int rank, int sentences) => new(
        id, 1.0 / rank, rank,
        string.Join(" ", Enumerable.Range(1, sentences).Select(i =>
            $"Sentence {i} of {id} explains step {i}: open the menü, pick option {i * 7} and confirm — ✓ done.")));
}
