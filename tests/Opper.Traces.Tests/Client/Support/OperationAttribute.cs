using System;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>
/// Names the spec operation (by operationId) whose request and response a contract test checks;
/// <see cref="OperationCoverageTests"/> fails when an operation of the spec has no such test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class OperationAttribute : Attribute
{
    public OperationAttribute(string operationId) => OperationId = operationId;

    public string OperationId { get; }
}
