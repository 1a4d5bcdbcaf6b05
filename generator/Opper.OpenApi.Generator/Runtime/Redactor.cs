// The client runtime, emitted into every consuming compilation by RuntimeEmitter with
// __Namespace__ and __Client__ filled in (and the generated-file header added).

namespace __Namespace__
{
    /// <summary>
    /// Removes the API key from whatever came from the server (some servers echo what they
    /// received): text, JSON values, a text cut in the middle of the key, exception messages.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "1.0.0")]
    internal sealed class __Client__Redactor
    {
        private const string Redacted = "[REDACTED]";

        private readonly string? _secret;

        public __Client__Redactor(string? apiKey)
        {
            _secret = SecretOf(apiKey);
        }

        /// <summary>The secret part of a key: without the auth scheme when the caller included it ("Bearer sk-1" → "sk-1").</summary>
        private static string? SecretOf(string? apiKey)
        {
            if (apiKey is null)
            {
                return null;
            }

            var scheme = __Client__ClientDefaults.AuthScheme;
            var secret = scheme.Length > 0 && apiKey.StartsWith(scheme + " ", global::System.StringComparison.OrdinalIgnoreCase)
                ? apiKey.Substring(scheme.Length + 1).Trim()
                : apiKey;
            return secret.Length >= 4 ? secret : null;
        }

        /// <summary>
        /// Removes the API key from text that came from the server (some echo what they received).
        /// Returns the same instance when there is nothing to remove.
        /// </summary>
        public string Redact(string text)
        {
            if (_secret is null || text.Length == 0 || text.IndexOf(_secret, global::System.StringComparison.Ordinal) < 0)
            {
                return text;
            }

            return text.Replace(_secret, Redacted);
        }

        /// <summary>Removes the API key from every string and property name of a JSON value; true when it found any.</summary>
        public bool RedactToken(global::Newtonsoft.Json.Linq.JToken root)
        {
            if (_secret is null)
            {
                return false;
            }

            var found = false;
            var pending = new global::System.Collections.Generic.Stack<global::Newtonsoft.Json.Linq.JToken>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var token = pending.Pop();
                switch (token)
                {
                    case global::Newtonsoft.Json.Linq.JObject obj:
                        foreach (var property in global::System.Linq.Enumerable.ToList(obj.Properties()))
                        {
                            var name = Redact(property.Name);
                            if (!ReferenceEquals(name, property.Name))
                            {
                                found = true;
                                var renamed = new global::Newtonsoft.Json.Linq.JProperty(name, property.Value);
                                property.Replace(renamed);
                                pending.Push(renamed.Value);
                            }
                            else
                            {
                                pending.Push(property.Value);
                            }
                        }

                        break;
                    case global::Newtonsoft.Json.Linq.JArray array:
                        foreach (var item in array)
                        {
                            pending.Push(item);
                        }

                        break;
                    case global::Newtonsoft.Json.Linq.JValue { Value: string text } value:
                        var redacted = Redact(text);
                        if (!ReferenceEquals(redacted, text))
                        {
                            found = true;
                            value.Value = redacted;
                        }

                        break;
                }
            }

            return found;
        }

        /// <summary>
        /// A text cut at a limit may end with the start of an echoed key, which <see cref="Redact"/>
        /// (an exact match) cannot see: that fragment goes too.
        /// </summary>
        public string WithoutTrailingSecretPrefix(string text)
        {
            if (_secret is null)
            {
                return text;
            }

            for (var length = global::System.Math.Min(_secret.Length - 1, text.Length); length > 0; length--)
            {
                if (string.CompareOrdinal(text, text.Length - length, _secret, 0, length) == 0)
                {
                    return text.Substring(0, text.Length - length) + Redacted;
                }
            }

            return text;
        }

        /// <summary>Whether an exception or one of its inner exceptions names the key.</summary>
        public bool NamesSecret(global::System.Exception? exception)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (!ReferenceEquals(Redact(e.Message), e.Message))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
