namespace NextLevel.Web.ApiClient.Closers;

public interface IDealsApi
{
    Task<OfferValuation> ValuationAsync(string propertyId, double wholesaleFee, CancellationToken cancellationToken);
    Task<IReadOnlyList<Offer>> OffersAsync(string propertyId, CancellationToken cancellationToken);
    Task<Offer> CreateOfferAsync(string propertyId, NewOffer offer, CancellationToken cancellationToken);
    /// <summary>Sends a draft; 409 when the offer's status or the lead's stage does not allow it.</summary>
    Task<Offer> SendOfferAsync(string offerId, CancellationToken cancellationToken);
    /// <summary>accept or reject, by the party answering; 409 on a transition the offer's status does not allow.</summary>
    Task<Offer> RespondToOfferAsync(string offerId, string action, OfferResponse response, CancellationToken cancellationToken);
    Task<Offer> CounterOfferAsync(string offerId, CounterOffer counter, CancellationToken cancellationToken);
    Task<Deal> CreateDealAsync(string offerId, NewDeal deal, CancellationToken cancellationToken);
    Task<Deal> UpdateDealAsync(string dealId, DealPatch patch, CancellationToken cancellationToken);
    Task<IReadOnlyList<Deal>> DealsAsync(string? campaignId, string? status, CancellationToken cancellationToken);
    Task<PipelineBoard> PipelineAsync(string? campaignId, bool mine, CancellationToken cancellationToken);
    /// <summary>400 with the lifecycle's reason when the move is not allowed.</summary>
    Task MoveStageAsync(string leadId, string stage, CancellationToken cancellationToken);
}

/// <summary>Offers, deals and the pipeline: /api/properties/{id}/…, /api/offers, /api/deals, /api/pipeline, /api/leads/{id}/stage.</summary>
public sealed class DealsApiClient(ApiConnection api) : IDealsApi
{
    private static string Id(string id) => Uri.EscapeDataString(id);

    public Task<OfferValuation> ValuationAsync(string propertyId, double wholesaleFee, CancellationToken cancellationToken) =>
        api.GetAsync<OfferValuation>($"/api/properties/{Id(propertyId)}/valuation-for-offer" + new QueryString().Add("wholesaleFee", wholesaleFee), cancellationToken);

    public Task<IReadOnlyList<Offer>> OffersAsync(string propertyId, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<Offer>>($"/api/properties/{Id(propertyId)}/offers", cancellationToken);

    public Task<Offer> CreateOfferAsync(string propertyId, NewOffer offer, CancellationToken cancellationToken) =>
        api.SendAsync<Offer>(HttpMethod.Post, $"/api/properties/{Id(propertyId)}/offers", offer, cancellationToken);

    public Task<Offer> SendOfferAsync(string offerId, CancellationToken cancellationToken) =>
        api.SendAsync<Offer>(HttpMethod.Post, $"/api/offers/{Id(offerId)}/send", null, cancellationToken);

    public Task<Offer> RespondToOfferAsync(string offerId, string action, OfferResponse response, CancellationToken cancellationToken) =>
        action is "accept" or "reject"
            ? api.SendAsync<Offer>(HttpMethod.Post, $"/api/offers/{Id(offerId)}/{action}", response, cancellationToken)
            : throw new ArgumentOutOfRangeException(nameof(action), action, "An offer is accepted or rejected.");

    public Task<Offer> CounterOfferAsync(string offerId, CounterOffer counter, CancellationToken cancellationToken) =>
        api.SendAsync<Offer>(HttpMethod.Post, $"/api/offers/{Id(offerId)}/counter", counter, cancellationToken);

    public Task<Deal> CreateDealAsync(string offerId, NewDeal deal, CancellationToken cancellationToken) =>
        api.SendAsync<Deal>(HttpMethod.Post, $"/api/offers/{Id(offerId)}/deal", deal, cancellationToken);

    public Task<Deal> UpdateDealAsync(string dealId, DealPatch patch, CancellationToken cancellationToken) =>
        api.SendAsync<Deal>(HttpMethod.Patch, $"/api/deals/{Id(dealId)}", patch, cancellationToken);

    public Task<IReadOnlyList<Deal>> DealsAsync(string? campaignId, string? status, CancellationToken cancellationToken) =>
        api.GetAsync<IReadOnlyList<Deal>>("/api/deals" + new QueryString().Add("campaignId", campaignId).Add("status", status), cancellationToken);

    public Task<PipelineBoard> PipelineAsync(string? campaignId, bool mine, CancellationToken cancellationToken) =>
        api.GetAsync<PipelineBoard>("/api/pipeline" + new QueryString().Add("campaignId", campaignId).Add("mine", mine ? true : null), cancellationToken);

    public Task MoveStageAsync(string leadId, string stage, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"/api/leads/{Id(leadId)}/stage", new StageChange(stage), cancellationToken);
}
