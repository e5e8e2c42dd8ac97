using MudBlazor;

namespace NextLevel.Web.Components.Shared;

public static class DataGridPaging
{
    /// <summary>
    /// Reloads a server-loaded grid from its first page, as a new filter should: on a later page, moving the pager to
    /// the first one reloads it (one Api call, from no cursor); on the first page, a plain reload.
    /// </summary>
    public static Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null) return Task.CompletedTask;
        if (grid.CurrentPage == 0) return grid.ReloadServerData();
        grid.NavigateTo(Page.First);
        return Task.CompletedTask;
    }
}
