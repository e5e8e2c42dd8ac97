using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;
using MongoDB.Bson;

namespace NextLevel.Api.Identity;

/// <summary>Staff sign-in (JWT bearer), first-time setup and user management.</summary>
public static class IdentityApi
{
    /// <summary>Rate limiter policy of sign-in and setup (per remote address).</summary>
    public const string SignInRateLimit = "sign-in";

    public static void AddIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<StaffUserStore>();
        builder.Services.AddSingleton<FirstAdminSetup>();
        builder.Services.AddHostedService<FirstAdminSetupStarter>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, TimeProvider>((options, keys, clock) =>
            {
                options.MapInboundClaims = false;
                options.TimeProvider = clock;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AccessTokenIssuer.Issuer,
                    ValidAudience = AccessTokenIssuer.Audience,
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = StaffClaims.Name,
                    RoleClaimType = StaffClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Lifetime against the service's clock (TimeProvider), so it is testable and one notion of now.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || now >= notBefore.Value - parameters.ClockSkew) && expires is not null && now < expires.Value + parameters.ClockSkew;
                    },
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = StaffTokenValidation.RefreshFromStoreAsync };
            });

        var permits = builder.Configuration.GetValue("Identity:SignInRateLimit:PermitsPerMinute", 10);
        builder.Services.Configure<RateLimiterOptions>(options => options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Identity");
        auth.MapPost("/token", SignInAsync).WithName("SignIn").WithSummary("Sign in with email and password; returns a bearer token valid 8 hours.")
            .AllowAnonymous().RequireRateLimiting(SignInRateLimit).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/setup", SetupAsync).WithName("FirstTimeSetup").WithSummary("Create the first admin with the one-time setup token printed at start-up.")
            .AllowAnonymous().RequireRateLimiting(SignInRateLimit).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", GetMeAsync).WithName("GetCurrentUser").WithSummary("The signed-in staff member.")
            .RequireAuthorization(StaffPolicies.Staff);

        var users = app.MapGroup("/api/users").WithTags("Identity").RequireAuthorization(StaffPolicies.Admins);
        users.MapGet("/", ListUsersAsync).WithName("ListUsers").WithSummary("All staff users.");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser").WithSummary("Create a staff user.");
        users.MapPut("/{id}", UpdateUserAsync).WithName("UpdateUser").WithSummary("Change a user's roles, disabled flag, display name or time zone.");
        users.MapPost("/{id}/password", SetPasswordAsync).WithName("SetUserPassword").WithSummary("Set a user's password.");
        return users;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> SignInAsync(SignInRequest request, StaffUserStore users, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 254) errors["email"] = ["Email is required."];
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > IdentityValidation.MaximumPasswordLength) errors["password"] = ["Password is required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var user = await users.VerifyAsync(request.Email!, request.Password!, cancellationToken);
        if (user is null)
            return TypedResults.Problem(title: "Sign-in failed", detail: "The email or password is not right, or the account is disabled.", statusCode: StatusCodes.Status401Unauthorized);
        var (token, expiresAt) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresAt, StaffUserView.From(user)));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> SetupAsync(SetupRequest request, StaffUserStore users, FirstAdminSetup setup, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Token)) errors["token"] = ["The setup token is required."];
        IdentityValidation.Email(errors, request.Email);
        IdentityValidation.DisplayName(errors, request.DisplayName);
        IdentityValidation.Password(errors, request.Password);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        if (await users.AnyAsync(cancellationToken)) setup.Close();
        if (!setup.TryConsume(request.Token!))
            return TypedResults.Problem(title: "Setup not available", detail: "The setup token is not valid, or first-time setup was already done.", statusCode: StatusCodes.Status403Forbidden);

        var admin = await users.CreateAsync(request.Email!, request.DisplayName!, [StaffRoles.Admin], request.Password!, null, cancellationToken);
        if (admin is null)
            return TypedResults.Problem(title: "Setup not available", detail: "First-time setup was already done.", statusCode: StatusCodes.Status409Conflict);
        var (token, expiresAt) = tokens.Issue(admin);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresAt, StaffUserView.From(admin)));
    }

    public static async Task<Results<Ok<StaffUserView>, NotFound>> GetMeAsync(ClaimsPrincipal principal, StaffUserStore users, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(StaffClaims.UserId(principal), out var id)) return TypedResults.NotFound();
        var user = await users.FindAsync(id, cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(StaffUserView.From(user));
    }

    public static async Task<Ok<IReadOnlyList<StaffUserDetail>>> ListUsersAsync(StaffUserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<StaffUserDetail>>([.. (await users.ListAsync(cancellationToken)).Select(StaffUserDetail.From)]);

    public static async Task<Results<Created<StaffUserDetail>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(CreateUserRequest request, StaffUserStore users, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        IdentityValidation.Email(errors, request.Email);
        IdentityValidation.DisplayName(errors, request.DisplayName);
        IdentityValidation.Roles(errors, request.Roles);
        IdentityValidation.Password(errors, request.Password);
        IdentityValidation.TimeZone(errors, request.TimeZone);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var user = await users.CreateAsync(request.Email!, request.DisplayName!, request.Roles!, request.Password!, request.TimeZone, cancellationToken);
        return user is null
            ? TypedResults.Problem(title: "A user with this email exists.", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Created($"/api/users/{user.Id}", StaffUserDetail.From(user));
    }

    public static async Task<Results<Ok<StaffUserDetail>, NotFound, ValidationProblem>> UpdateUserAsync(string id, UpdateUserRequest request, StaffUserStore users, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var userId)) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        IdentityValidation.Roles(errors, request.Roles, required: false);
        IdentityValidation.DisplayName(errors, request.DisplayName, required: false);
        IdentityValidation.TimeZone(errors, request.TimeZone);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var user = await users.UpdateAsync(userId, request.Roles, request.Disabled, request.DisplayName, request.TimeZone, cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(StaffUserDetail.From(user));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem>> SetPasswordAsync(string id, SetPasswordRequest request, StaffUserStore users, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(id, out var userId)) return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        IdentityValidation.Password(errors, request.Password);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await users.SetPasswordAsync(userId, request.Password!, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>A one-time password for the create-admin command: 18 random bytes, URL-safe base64.</summary>
    public static string GeneratePassword() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
}
