using System;
using System.Diagnostics;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Reflection;
using OpenTelemetry;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>
/// Reads how many spans a batch processor dropped because its queue was full. OpenTelemetry
/// keeps that count (<c>DroppedCount</c>) but does not make it public, so it is read through
/// reflection; when a version of the SDK lacks it, one warning says so and drops go uncounted.
/// </summary>
internal sealed class QueueDrops
{
    private static readonly Func<BatchExportProcessor<Activity>, long>? Reader = CreateReader();

    private readonly BatchExportProcessor<Activity> _processor;

    private QueueDrops(BatchExportProcessor<Activity> processor) => _processor = processor;

    /// <summary>A reader of <paramref name="processor"/>'s drops, or null when this SDK hides them.</summary>
    public static QueueDrops? Of(BatchExportProcessor<Activity> processor)
    {
        if (Reader is null)
        {
            OpperExporterEventSource.Log.DroppedCountUnavailable();
            return null;
        }

        return new QueueDrops(processor);
    }

    /// <summary>The spans dropped so far.</summary>
    public long Read()
    {
        try
        {
            return Reader!(_processor);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return 0;
        }
    }

#if NET
    [DynamicDependency("get_DroppedCount", typeof(BatchExportProcessor<>))]
#endif
    private static Func<BatchExportProcessor<Activity>, long>? CreateReader()
    {
        try
        {
            var getter = typeof(BatchExportProcessor<Activity>)
                .GetProperty("DroppedCount", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?
                .GetGetMethod(nonPublic: true);
            return getter is not null && getter.ReturnType == typeof(long) && getter.GetParameters().Length == 0
                ? (Func<BatchExportProcessor<Activity>, long>)Delegate.CreateDelegate(typeof(Func<BatchExportProcessor<Activity>, long>), getter)
                : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }
}
