using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudProtection.Cim;
using CloudProtection.Facts;
using CloudProtection.Resolution;
using CloudProtection.Settings;

namespace CloudProtection.Changes;

/// <summary>
/// Runs a planned change on one machine: one MSFT_MpPreference Set (and one Remove for resets) containing
/// only the planned properties, then a second read to report what really happened.
/// </summary>
public static class ChangeExecutor
{
    /// <summary>Reads the machine and plans the request, without writing.</summary>
    public static async Task<(MachineFacts Facts, ChangeResult Plan)> PlanAsync(ICimOperations operations, ChangeRequest request, CancellationToken cancellationToken)
    {
        MachineFacts facts = await FactCollector.CollectAsync(operations, cancellationToken).ConfigureAwait(false);
        CloudProtectionState state = StateResolver.Resolve(facts);
        return (facts, ChangePlanner.Plan(facts, state, request));
    }

    /// <summary>Writes the planned settings and verifies them. Settings not planned keep their predicted outcome.</summary>
    public static async Task<ChangeResult> ApplyAsync(ICimOperations operations, ChangeResult plan, CancellationToken cancellationToken)
    {
        SettingChange[] writes = plan.Settings.Where(setting => setting.Planned && !setting.IsReset).ToArray();
        SettingChange[] removals = plan.Settings.Where(setting => setting.Planned && setting.IsReset).ToArray();
        if (writes.Length == 0 && removals.Length == 0)
        {
            return plan;
        }

        try
        {
            if (writes.Length > 0)
            {
                await Invoke(operations, "Set", writes.ToDictionary(setting => setting.Name, setting => (object?)ToCimValue(setting.Definition, setting.RequestedRaw!.Value)), cancellationToken).ConfigureAwait(false);
            }

            // NOTE: Remove with one boolean switch per property matches Remove-MpPreference on current
            // platforms, but the ~2019 provider's Remove took only list parameters and will reject it.
            if (removals.Length > 0)
            {
                await Invoke(operations, "Remove", removals.ToDictionary(setting => setting.Name, _ => (object?)true), cancellationToken).ConfigureAwait(false);
            }

            plan.Written = true;
        }
        catch (CimOperationException exception)
        {
            plan.ErrorCode = exception.ErrorCodeText;
            foreach (SettingChange setting in writes.Concat(removals))
            {
                setting.Outcome = ChangeOutcome.Failed;
                setting.Message = $"{setting.Name}: the write failed: {exception.Message}";
            }

            return plan;
        }

        MachineFacts after = await FactCollector.CollectAsync(operations, cancellationToken).ConfigureAwait(false);
        Verify(plan, after);
        return plan;
    }

    /// <summary>Compares the machine after the write with the request and sets each outcome.</summary>
    public static void Verify(ChangeResult plan, MachineFacts after)
    {
        CloudProtectionState state = StateResolver.Resolve(after);
        foreach (SettingChange setting in plan.Settings)
        {
            ResolvedSetting resolved = state.GetSetting(setting.Name)!;
            setting.After = resolved.Value;
            setting.SourceAfter = resolved.Source;
            if (!setting.Planned)
            {
                continue;
            }

            uint? local = ChangePlanner.ReadLocal(after, setting.Definition);
            if (setting.IsReset)
            {
                setting.Outcome = local is null ? ChangeOutcome.Reset : ChangeOutcome.Failed;
                setting.Message = local is null
                    ? $"{setting.Name}: the local preference is gone; {resolved.Source} now gives {resolved.Value}."
                    : $"{setting.Name}: Remove reported success, but the local preference is still {setting.Definition.Format(local.Value)}.";
                continue;
            }

            // Defender's own report decides: a write that the registry shows but Defender does not use has not taken effect.
            bool defenderDisagrees = resolved.Mismatch == true;
            if (!defenderDisagrees && resolved.RawValue == setting.RequestedRaw && (local == setting.RequestedRaw || ChangePlanner.OutranksLocal(resolved)))
            {
                setting.Outcome = ChangeOutcome.Applied;
                setting.Message = $"{setting.Name} is now {resolved.Value}.";
            }
            else if (!defenderDisagrees && ChangePlanner.OutranksLocal(resolved))
            {
                setting.Outcome = ChangePlanner.ShadowedOutcome(resolved.Source);
                setting.Owner = resolved.SourceDetail;
                setting.Message = $"{setting.Name}: the local value was written but stays shadowed by {resolved.Source} ({resolved.SourceDetail}), which keeps {resolved.Value}.";
            }
            else if (after.ComputerStatus.IsTamperProtected == true && local != setting.RequestedRaw)
            {
                setting.Outcome = ChangeOutcome.BlockedByTamperProtection;
                setting.Message = $"{setting.Name}: Defender reported success, but tamper protection kept {resolved.Value}.";
            }
            else
            {
                setting.Outcome = ChangeOutcome.Failed;
                setting.Message = $"{setting.Name}: the write reported success, but Defender now reports {resolved.ObservedValue ?? resolved.Value} instead of {setting.Requested}.";
            }
        }
    }

    private static async Task Invoke(ICimOperations operations, string method, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        CimRecord result = await operations.InvokeStaticMethodAsync(CimNames.DefenderNamespace, CimNames.PreferenceClass, method, parameters, cancellationToken).ConfigureAwait(false);
        uint returnValue = result.Get<uint?>("ReturnValue") ?? 0;
        if (returnValue != 0)
        {
            throw new CimOperationException(
                operations.ComputerName,
                CimOperationException.Classify(returnValue),
                string.Format(CultureInfo.InvariantCulture, "{0}.{1} returned 0x{2:X8} on '{3}'.", CimNames.PreferenceClass, method, returnValue, operations.ComputerName),
                returnValue);
        }
    }

    // MSFT_MpPreference.Set declares uint8, uint32 and boolean parameters; MMI needs the matching .NET types.
    private static object ToCimValue(SettingDefinition definition, uint raw) => definition.CimType switch
    {
        "uint8" => (byte)raw,
        "boolean" => raw != 0,
        _ => raw,
    };
}
