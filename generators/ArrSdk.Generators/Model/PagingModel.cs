namespace ArrSdk.Generators.Model;

/// <summary>
/// How a list operation pages: which property of the page holds the items and which the absolute link to the next
/// page. It adds a method that returns Refit's lazy <c>PagedEnumerable</c> over every page.
/// </summary>
internal sealed record PagingModel(string MethodName, string PageType, string ItemType, string ItemsProperty, string NextLinkProperty);
