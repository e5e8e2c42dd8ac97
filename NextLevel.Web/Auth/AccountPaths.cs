namespace NextLevel.Web.Auth;

public static class AccountPaths
{
    public const string SignIn = "/account/signin";
    public const string SignOut = "/account/signout";

    /// <summary>Ends the cookie session and returns to the sign-in page saying the session expired.</summary>
    public const string Expired = "/account/expired";
}
