// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>A parameter's OpenAPI <c>style</c>.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal enum __Client__ParameterStyle
    {
        Simple,
        Label,
        Matrix,
        Form,
        SpaceDelimited,
        PipeDelimited,
        DeepObject,
    }

    /// <summary>
    /// Serializes array and object parameters in every <c>style</c>/<c>explode</c> combination
    /// that OpenAPI defines for path, query and header parameters (RFC 6570 expansion: values are
    /// percent-encoded, the style's delimiters are not). Arrays arrive as their items' strings;
    /// objects as their top-level properties (a nested value is sent as compact JSON).
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal static class __Client__ParameterStyles
    {
        /// <summary>An object's top-level properties as name/value strings; null properties are left out.</summary>
        public static global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> Pairs<T>(
            T value, global::System.Action<global::Newtonsoft.Json.JsonWriter, T> write)
        {
            var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
            using var writer = new global::Newtonsoft.Json.Linq.JTokenWriter();
            write(writer, value);
            writer.Flush();
            if (writer.Token is global::Newtonsoft.Json.Linq.JObject obj)
            {
                foreach (var property in obj.Properties())
                {
                    var token = property.Value;
                    if (token.Type == global::Newtonsoft.Json.Linq.JTokenType.Null || token.Type == global::Newtonsoft.Json.Linq.JTokenType.Undefined)
                    {
                        continue;
                    }

                    var text = token.Type == global::Newtonsoft.Json.Linq.JTokenType.String
                        ? (string)((global::Newtonsoft.Json.Linq.JValue)token).Value!
                        : token.ToString(global::Newtonsoft.Json.Formatting.None);
                    pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(property.Name, text));
                }
            }

            return pairs;
        }

        /// <summary>The items of an array parameter as strings (a null item as an empty string).</summary>
        public static global::System.Collections.Generic.List<string> Items<T>(global::System.Collections.Generic.IEnumerable<T> values, global::System.Func<T, string?> format)
        {
            var items = new global::System.Collections.Generic.List<string>();
            foreach (var value in values)
            {
                items.Add(format(value) ?? string.Empty);
            }

            return items;
        }

        // ------------------------------------------------------------ path

        /// <summary>A scalar path parameter in <c>label</c> or <c>matrix</c> style (<c>simple</c> goes through AppendPathParameter).</summary>
        public static string Path(string name, __Client__ParameterStyle style, string value) =>
            Prefix(name, style, value.Length == 0) + Escape(value);

        /// <summary>An array path parameter: <c>blue,black,brown</c>, <c>.blue.black.brown</c>, <c>;color=blue;color=black</c>…</summary>
        public static string Path(string name, __Client__ParameterStyle style, bool explode, global::System.Collections.Generic.IReadOnlyList<string> items)
        {
            var text = new global::System.Text.StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                if (style == __Client__ParameterStyle.Matrix && (i == 0 || explode))
                {
                    text.Append(';').Append(Escape(name));
                    text.Append(items[i].Length == 0 ? string.Empty : "=");
                }
                else if (i == 0)
                {
                    text.Append(style == __Client__ParameterStyle.Label ? "." : string.Empty);
                }
                else
                {
                    text.Append(explode && style == __Client__ParameterStyle.Label ? '.' : ',');
                }

                text.Append(Escape(items[i]));
            }

            return Finish(name, style, text);
        }

        /// <summary>An object path parameter: <c>R,100,G,200</c>, <c>R=100,G=200</c>, <c>.R=100.G=200</c>, <c>;R=100;G=200</c>…</summary>
        public static string Path(string name, __Client__ParameterStyle style, bool explode, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> pairs)
        {
            var text = new global::System.Text.StringBuilder();
            for (var i = 0; i < pairs.Count; i++)
            {
                var key = Escape(pairs[i].Key);
                var value = Escape(pairs[i].Value);
                if (explode)
                {
                    text.Append(style switch
                    {
                        __Client__ParameterStyle.Matrix => ";",
                        __Client__ParameterStyle.Label => ".",
                        _ => i == 0 ? string.Empty : ",",
                    });
                    text.Append(key).Append(style == __Client__ParameterStyle.Matrix && value.Length == 0 ? string.Empty : "=").Append(value);
                }
                else
                {
                    if (i == 0)
                    {
                        text.Append(style switch
                        {
                            __Client__ParameterStyle.Matrix => ";" + Escape(name) + "=",
                            __Client__ParameterStyle.Label => ".",
                            _ => string.Empty,
                        });
                    }
                    else
                    {
                        text.Append(',');
                    }

                    text.Append(key).Append(',').Append(value);
                }
            }

            return Finish(name, style, text);
        }

        private static string Prefix(string name, __Client__ParameterStyle style, bool empty) => style switch
        {
            __Client__ParameterStyle.Matrix => ";" + Escape(name) + (empty ? string.Empty : "="),
            __Client__ParameterStyle.Label => ".",
            _ => string.Empty,
        };

        // An empty list or object: ".", ";color", or (simple) an empty segment, which cannot be sent.
        private static string Finish(string name, __Client__ParameterStyle style, global::System.Text.StringBuilder text)
        {
            if (text.Length > 0)
            {
                return text.ToString();
            }

            if (style == __Client__ParameterStyle.Simple)
            {
                throw new global::System.ArgumentException("The value cannot be empty: it is a segment of the request path.", name);
            }

            return Prefix(name, style, empty: true);
        }

        // Values are escaped as RFC 3986 unreserved-only; "." and ".." alone cannot move up the path.
        private static string Escape(string value) => __Client__Request.EscapeSegment(value);

        // ------------------------------------------------------------ query

        /// <summary>An array query parameter: <c>form</c> (exploded or <c>a=x,y</c>), <c>spaceDelimited</c>, <c>pipeDelimited</c>.</summary>
        public static void Query(__Client__Request request, string name, __Client__ParameterStyle style, bool explode, global::System.Collections.Generic.IReadOnlyList<string> items)
        {
            if (explode)
            {
                foreach (var item in items)
                {
                    request.AddEscapedQuery(Escape(name), Escape(item));
                }

                return;
            }

            request.AddEscapedQuery(Escape(name), Join(items, Delimiter(style)));
        }

        /// <summary>An object query parameter: <c>R=100&amp;G=200</c>, <c>color=R,100,G,200</c>, <c>color%5BR%5D=100</c>…</summary>
        public static void Query(__Client__Request request, string name, __Client__ParameterStyle style, bool explode, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> pairs)
        {
            if (style == __Client__ParameterStyle.DeepObject)
            {
                foreach (var pair in pairs)
                {
                    request.AddEscapedQuery(Escape(name + "[" + pair.Key + "]"), Escape(pair.Value));
                }

                return;
            }

            if (explode)
            {
                foreach (var pair in pairs)
                {
                    request.AddEscapedQuery(Escape(pair.Key), Escape(pair.Value));
                }

                return;
            }

            var flat = new global::System.Collections.Generic.List<string>(pairs.Count * 2);
            foreach (var pair in pairs)
            {
                flat.Add(pair.Key);
                flat.Add(pair.Value);
            }

            request.AddEscapedQuery(Escape(name), Join(flat, Delimiter(style)));
        }

        private static string Delimiter(__Client__ParameterStyle style) => style switch
        {
            __Client__ParameterStyle.SpaceDelimited => "%20",
            __Client__ParameterStyle.PipeDelimited => "%7C",
            _ => ",",
        };

        private static string Join(global::System.Collections.Generic.IReadOnlyList<string> items, string delimiter)
        {
            var text = new global::System.Text.StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(delimiter);
                }

                text.Append(Escape(items[i]));
            }

            return text.ToString();
        }

        // ------------------------------------------------------------ header

        /// <summary>An array header (<c>simple</c> style): <c>blue,black,brown</c>.</summary>
        public static string Header(global::System.Collections.Generic.IReadOnlyList<string> items) => string.Join(",", items);

        /// <summary>An object header (<c>simple</c> style): <c>R,100,G,200</c>, or <c>R=100,G=200</c> when exploded.</summary>
        public static string Header(bool explode, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> pairs)
        {
            var parts = new global::System.Collections.Generic.List<string>(pairs.Count);
            foreach (var pair in pairs)
            {
                parts.Add(explode ? pair.Key + "=" + pair.Value : pair.Key + "," + pair.Value);
            }

            return string.Join(",", parts);
        }
    }
}
