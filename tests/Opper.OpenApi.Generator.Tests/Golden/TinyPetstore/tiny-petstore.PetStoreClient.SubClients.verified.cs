// (auto-generated header scrubbed)
#nullable enable
#pragma warning disable CS0612, CS0618 // generated code may use members the spec marks deprecated

namespace PetStore
{
    public partial class PetStoreClient
    {
        private PetsClient? _petsClient;

        /// <summary>
        /// Everything about your pets.
        /// </summary>
        public virtual PetsClient Pets => _petsClient ??= new PetsClient(_pipeline);
    }
}
