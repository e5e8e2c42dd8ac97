using Microsoft.AspNetCore.Components;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Shared;

namespace NextLevel.Web.Components.Pages.Closers;

/// <summary>
/// Offers on a property and the deal an accepted one becomes. The numbers beside the form come from the Api's
/// valuation (the Domain's one formula); this component never computes them. Every state change is the Api's:
/// a refused transition (409) is shown with its reason.
/// </summary>
public partial class OfferDealCard : IDisposable
{
    private const string OfferSend = "send";
    private const string OfferAccept = "accept";
    private const string OfferReject = "reject";
    internal const double DefaultFee = 10_000;

    [Parameter, EditorRequired] public string LeadId { get; set; } = "";
    [Parameter, EditorRequired] public string PropertyId { get; set; } = "";
    [Parameter] public string? CampaignId { get; set; }
    [Parameter] public EventCallback OnChanged { get; set; }
    [Inject] public required IDealsApi Deals { get; init; }
    [Inject] public required UserTimeZone Zone { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private double _fee = DefaultFee;
    private OfferValuation? _valuation;
    private IReadOnlyList<Offer>? _offers;
    private Deal? _deal;
    private Exception? _error;
    private string? _message;
    private double? _amount;
    private string? _terms = "Cash, as-is, 14-day close";
    private string? _expires;
    private string? _counterFor;
    private double? _counterAmount;
    private string _counterBy = "seller";
    private string? _counterNote;
    private string? _contractDate;
    private string? _expectedClosing;
    private string _exitStrategy = "assignment";
    private double? _assignmentFee;
    private string? _endBuyer;
    private string? _closedOn;
    private double? _revenue;
    private string? _loadedFor;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == PropertyId) return;
        _loadedFor = PropertyId;
        var today = Clock.GetUtcNow();
        _expires ??= LocalTime.ToDateInput(today.AddDays(7), Zone);
        _contractDate ??= LocalTime.ToDateInput(today, Zone);
        _expectedClosing ??= LocalTime.ToDateInput(today.AddDays(30), Zone);
        _closedOn ??= LocalTime.ToDateInput(today, Zone);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            var valuation = Deals.ValuationAsync(PropertyId, _fee, _disposed.Token);
            var offers = Deals.OffersAsync(PropertyId, _disposed.Token);
            var deals = Deals.DealsAsync(CampaignId, null, _disposed.Token);
            _valuation = await valuation;
            _offers = [.. (await offers).OrderByDescending(o => o.History?.Count > 0 ? o.History.Max(h => h.At) : DateTimeOffset.MinValue)];
            _deal = (await deals).Where(d => d.PropertyId == PropertyId && d.Status != "cancelled").OrderByDescending(d => d.ContractDate).FirstOrDefault();
            _assignmentFee ??= _fee;
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private async Task OnFeeChanged(double fee)
    {
        _fee = fee;
        try
        {
            _valuation = await Deals.ValuationAsync(PropertyId, _fee, _disposed.Token);
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    private async Task CreateOfferAsync()
    {
        var expires = LocalTime.ParseDate(_expires, Zone);
        if (_amount is not > 0 || expires is null)
        {
            _message = "Give the offer an amount and an expiry date.";
            return;
        }
        // The offer expires at the end of the chosen day in the user's time zone.
        await RunAsync(() => Deals.CreateOfferAsync(PropertyId, new NewOffer(LeadId, _amount.Value, _terms, expires.Value.AddDays(1).AddSeconds(-1), _fee), _disposed.Token));
    }

    private Task TransitionAsync(Offer offer, string action) => action == OfferSend
        ? RunAsync(() => Deals.SendOfferAsync(offer.Id, _disposed.Token))
        : RunAsync(() => Deals.RespondToOfferAsync(offer.Id, action, new OfferResponse(AnsweringParty(offer)), _disposed.Token));

    /// <summary>The party answering: the seller answers our offer or counter, we answer the seller's counter.</summary>
    internal static string AnsweringParty(Offer offer) =>
        offer.History?.Where(h => h.Action is "countered" or "sent").OrderBy(h => h.At).LastOrDefault() is { Action: "countered", By: "seller" } ? "us" : "seller";

    private async Task CounterAsync(Offer offer)
    {
        if (_counterAmount is not > 0)
        {
            _message = "Give the counter-offer's amount.";
            return;
        }
        await RunAsync(() => Deals.CounterOfferAsync(offer.Id, new CounterOffer(_counterAmount.Value, _counterBy, _counterNote), _disposed.Token));
        _counterFor = null;
    }

    private async Task CreateDealAsync(Offer accepted)
    {
        var contract = LocalTime.ParseDate(_contractDate, Zone);
        var closing = LocalTime.ParseDate(_expectedClosing, Zone);
        if (contract is null || closing is null)
        {
            _message = "Give the contract date and the expected closing date.";
            return;
        }
        await RunAsync(() => Deals.CreateDealAsync(accepted.Id, new NewDeal(contract.Value, _exitStrategy,
            _exitStrategy == "assignment" ? _assignmentFee : null, string.IsNullOrWhiteSpace(_endBuyer) ? null : _endBuyer.Trim(), closing.Value), _disposed.Token));
    }

    private async Task CloseDealAsync()
    {
        var closed = LocalTime.ParseDate(_closedOn, Zone);
        if (_deal is null || closed is null || _revenue is not >= 0)
        {
            _message = "Give the closing date and the revenue the deal brought.";
            return;
        }
        var deal = _deal;
        await RunAsync(() => Deals.UpdateDealAsync(deal.Id, new DealPatch(closed.Value, _revenue, "closed"), _disposed.Token));
    }

    /// <summary>One change through the Api, then a fresh read; a refusal shows the Api's reason.</summary>
    private async Task RunAsync<T>(Func<Task<T>> change)
    {
        _message = null;
        try
        {
            await change();
            await LoadAsync();
            await OnChanged.InvokeAsync();
        }
        catch (ApiProblemException e) when (e.Status is 400 or 409)
        {
            _message = e.Status == 409 ? e.Message : e.UserMessage;
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiProblemException or HttpRequestException)
        {
            _error = e;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
