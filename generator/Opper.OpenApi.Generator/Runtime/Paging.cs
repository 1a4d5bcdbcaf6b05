// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>Pages through an offset/limit list operation, item by item.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal static class __Client__Paging
    {
        /// <summary>
        /// Fetches pages of <paramref name="pageSize"/> until a page is short or empty, or the
        /// total the server reports is reached. Only one page is in memory at a time.
        /// </summary>
        public static async global::System.Collections.Generic.IAsyncEnumerable<TItem> ByOffsetAsync<TPage, TItem>(
            global::System.Func<long, long, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<TPage>> fetch,
            global::System.Func<TPage, global::System.Collections.Generic.IList<TItem>?> items,
            global::System.Func<TPage, long?>? total,
            int pageSize,
            [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)
        {
            long offset = 0;
            while (true)
            {
                var page = await fetch(offset, pageSize, cancellationToken).ConfigureAwait(false);
                var list = items(page);
                if (list is null || list.Count == 0)
                {
                    yield break;
                }

                foreach (var item in list)
                {
                    yield return item;
                }

                offset += list.Count;
                if (total?.Invoke(page) is { } count && offset >= count)
                {
                    yield break;
                }

                if (list.Count < pageSize)
                {
                    yield break;
                }
            }
        }
    }
}
