// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore
{
    /// <summary>Everything about your pets.</summary>
    /// <remarks>Reached through <see cref="global::PetStore.PetStoreClient.Pets"/>; methods are virtual so that tests can mock them.</remarks>
    [global::System.CodeDom.Compiler.GeneratedCode("Opper.OpenApi.Generator", "{version}")]
    public partial class PetsClient
    {
        private readonly global::PetStore.PetStorePipeline _pipeline;

        /// <summary>For mocking: a sub-client that is not connected to anything.</summary>
        protected PetsClient()
        {
            _pipeline = null!;
        }

        internal PetsClient(global::PetStore.PetStorePipeline pipeline)
        {
            _pipeline = pipeline;
        }

        private static readonly global::PetStore.PetStoreErrorResponse[] s_listErrors = new global::PetStore.PetStoreErrorResponse[]
        {
            new global::PetStore.PetStoreErrorResponse("DEFAULT", static reader => (object)global::PetStore.Models.Serialization.ErrorJsonConverter.Read(reader)),
        };

        private static readonly global::PetStore.PetStoreErrorResponse[] s_createErrors = new global::PetStore.PetStoreErrorResponse[]
        {
            new global::PetStore.PetStoreErrorResponse("DEFAULT", static reader => (object)global::PetStore.Models.Serialization.ErrorJsonConverter.Read(reader)),
        };

        private static readonly global::PetStore.PetStoreErrorResponse[] s_getErrors = new global::PetStore.PetStoreErrorResponse[]
        {
            new global::PetStore.PetStoreErrorResponse("404", static reader => (object)global::PetStore.Models.Serialization.ErrorJsonConverter.Read(reader)),
        };

        private static readonly global::PetStore.PetStoreErrorResponse[] s_deleteErrors = new global::PetStore.PetStoreErrorResponse[]
        {
        };

        /// <summary>Lists the pets.</summary>
        /// <remarks>
        /// <c>GET /pets</c> (operation <c>listPets</c>).
        /// </remarks>
        /// <param name="status">Only pets with this status. Left out of the request when null.</param>
        /// <param name="offset">The offset query parameter. Left out of the request when null.</param>
        /// <param name="limit">The limit query parameter. Left out of the request when null.</param>
        /// <param name="cancellationToken">Cancels the call, including its retries.</param>
        /// <returns>The response body.</returns>
        /// <exception cref="global::PetStore.PetStoreApiException">The service answered with an error status (a subclass names the status). Documented: any other status (An error).</exception>
        /// <exception cref="global::PetStore.PetStoreSerializationException">The success body does not match the specification.</exception>
        /// <exception cref="global::PetStore.PetStoreTimeoutException">The last attempt ran past the timeout.</exception>
        /// <exception cref="global::System.OperationCanceledException">The <paramref name="cancellationToken"/> was cancelled.</exception>
        public virtual global::System.Threading.Tasks.Task<global::PetStore.Models.PetPage> ListAsync(global::PetStore.Models.PetStatus? status = null, long? offset = null, long? limit = null, global::System.Threading.CancellationToken cancellationToken = default)
        {
            var __request = new global::PetStore.PetStoreRequest("GET", "listPets", "/pets");
            __request.AppendPath("/pets");
            __request.AddQuery("status", status?.Value);
            __request.AddQuery("offset", global::PetStore.PetStoreRequest.Format(offset));
            __request.AddQuery("limit", global::PetStore.PetStoreRequest.Format(limit));
            return _pipeline.SendAsync(__request, s_listErrors, static reader => global::PetStore.Models.Serialization.PetPageJsonConverter.Read(reader), cancellationToken);
        }

        /// <summary>
        /// Every item of <see cref="ListAsync"/>, fetching pages of <paramref name="pageSize"/> as the enumeration needs them.
        /// </summary>
        /// <remarks>
        /// Pages are requested at offsets 0, pageSize, 2 × pageSize… until a page is short or empty, or
        /// the total the server reports is reached. Only one page is held in memory at a time.
        /// </remarks>
        /// <param name="status">Only pets with this status. Left out of the request when null.</param>
        /// <param name="pageSize">How many items to ask for per request.</param>
        /// <param name="cancellationToken">Cancels the enumeration.</param>
        /// <returns>The items, in the order the service lists them.</returns>
        /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
        public virtual global::System.Collections.Generic.IAsyncEnumerable<global::PetStore.Models.Pet> ListAllAsync(global::PetStore.Models.PetStatus? status = null, int pageSize = 100, global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (pageSize <= 0)
            {
                throw new global::System.ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be positive.");
            }

            return global::PetStore.PetStorePaging.ByOffsetAsync<global::PetStore.Models.PetPage, global::PetStore.Models.Pet>(
                (__offset, __limit, __cancellationToken) => ListAsync(status: status, offset: __offset, limit: __limit, cancellationToken: __cancellationToken),
                static __page => __page.Data,
                static __page => (long?)__page.Meta.TotalCount,
                pageSize,
                cancellationToken);
        }

        /// <summary>Adds a pet.</summary>
        /// <remarks>
        /// <c>POST /pets</c> (operation <c>createPet</c>).
        /// </remarks>
        /// <param name="body">The request body.</param>
        /// <param name="cancellationToken">Cancels the call, including its retries.</param>
        /// <returns>The response body.</returns>
        /// <exception cref="global::PetStore.PetStoreApiException">The service answered with an error status (a subclass names the status). Documented: any other status (An error).</exception>
        /// <exception cref="global::PetStore.PetStoreSerializationException">The success body does not match the specification.</exception>
        /// <exception cref="global::PetStore.PetStoreTimeoutException">The last attempt ran past the timeout.</exception>
        /// <exception cref="global::System.OperationCanceledException">The <paramref name="cancellationToken"/> was cancelled.</exception>
        public virtual global::System.Threading.Tasks.Task<global::PetStore.Models.Pet> CreateAsync(global::PetStore.Models.NewPet body, global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (body is null)
            {
                throw new global::System.ArgumentNullException(nameof(body));
            }

            var __request = new global::PetStore.PetStoreRequest("POST", "createPet", "/pets");
            __request.AppendPath("/pets");
            __request.SetJsonBody(body, static (writer, value) => global::PetStore.Models.Serialization.NewPetJsonConverter.Write(writer, value), "application/json");
            return _pipeline.SendAsync(__request, s_createErrors, static reader => global::PetStore.Models.Serialization.PetJsonConverter.Read(reader), cancellationToken);
        }

        /// <summary>Finds a pet by id.</summary>
        /// <remarks>
        /// <c>GET /pets/{pet_id}</c> (operation <c>getPet</c>).
        /// </remarks>
        /// <param name="petId">The pet's id.</param>
        /// <param name="cancellationToken">Cancels the call, including its retries.</param>
        /// <returns>The response body.</returns>
        /// <exception cref="global::PetStore.PetStoreApiException">The service answered with an error status (a subclass names the status). Documented: 404 (No such pet).</exception>
        /// <exception cref="global::PetStore.PetStoreSerializationException">The success body does not match the specification.</exception>
        /// <exception cref="global::PetStore.PetStoreTimeoutException">The last attempt ran past the timeout.</exception>
        /// <exception cref="global::System.OperationCanceledException">The <paramref name="cancellationToken"/> was cancelled.</exception>
        public virtual global::System.Threading.Tasks.Task<global::PetStore.Models.Pet> GetAsync(string petId, global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (petId is null)
            {
                throw new global::System.ArgumentNullException(nameof(petId));
            }

            var __request = new global::PetStore.PetStoreRequest("GET", "getPet", "/pets/{pet_id}");
            __request.AppendPath("/pets/");
            __request.AppendPathParameter(petId, nameof(petId));
            return _pipeline.SendAsync(__request, s_getErrors, static reader => global::PetStore.Models.Serialization.PetJsonConverter.Read(reader), cancellationToken);
        }

        /// <summary>Deletes a pet.</summary>
        /// <remarks>
        /// <c>DELETE /pets/{pet_id}</c> (operation <c>deletePet</c>).
        /// </remarks>
        /// <param name="petId">The pet's id.</param>
        /// <param name="cancellationToken">Cancels the call, including its retries.</param>
        /// <returns>A task that completes when the service has answered.</returns>
        /// <exception cref="global::PetStore.PetStoreApiException">The service answered with an error status (a subclass names the status).</exception>
        /// <exception cref="global::PetStore.PetStoreTimeoutException">The last attempt ran past the timeout.</exception>
        /// <exception cref="global::System.OperationCanceledException">The <paramref name="cancellationToken"/> was cancelled.</exception>
        public virtual global::System.Threading.Tasks.Task DeleteAsync(string petId, global::System.Threading.CancellationToken cancellationToken = default)
        {
            if (petId is null)
            {
                throw new global::System.ArgumentNullException(nameof(petId));
            }

            var __request = new global::PetStore.PetStoreRequest("DELETE", "deletePet", "/pets/{pet_id}");
            __request.AppendPath("/pets/");
            __request.AppendPathParameter(petId, nameof(petId));
            return _pipeline.SendAsync(__request, s_deleteErrors, cancellationToken);
        }
    }
}
