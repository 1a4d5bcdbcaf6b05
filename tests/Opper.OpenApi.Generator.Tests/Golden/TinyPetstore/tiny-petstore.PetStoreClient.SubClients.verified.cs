// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // members the spec deprecates

namespace PetStore
{
    public partial class PetStoreClient
    {
        private PetsClient? _petsClient;

        /// <summary>Everything about your pets.</summary>
        public virtual PetsClient Pets => _petsClient ??= new PetsClient(_pipeline);
    }
}
