namespace NetHub.Hub.Cues;

/// <summary>Scene snapshots kept across restarts in <c>nethub.cues.snapshot-file</c> (see <see cref="SceneSnapshotFile"/>).</summary>
public sealed partial class CuesActor
{
    /// <summary>
    /// At start: the stored values of the scenes the file names replace the show file's, target by target. A scene or
    /// target the show no longer has is left out and logged; a file that cannot be read is moved aside (so the next
    /// snapshot does not overwrite what someone may want back) and the scenes keep the show file's values.
    /// </summary>
    private void LoadSnapshots()
    {
        if (_settings.Cues.SnapshotFile is not { } path)
        {
            return;
        }

        string full = Path.GetFullPath(path);
        Dictionary<string, StoredScene>? stored = SceneSnapshotFile.Load(full, out string? problem, out List<string> skipped);
        if (problem is not null)
        {
            string aside = full + ".unreadable";
            try
            {
                File.Move(full, aside, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                aside = $"still {full} (moving it aside failed: {ex.Message}; the next snapshot will replace it)";
            }

            CuesLog.SnapshotsUnreadable(Log, full, problem, aside);
            return;
        }

        if (stored is null)
        {
            if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
            {
                CuesLog.SnapshotFolderMissing(Log, full, folder);
            }
            else
            {
                CuesLog.SnapshotsNone(Log, full);
            }

            return;
        }

        var loaded = new List<string>();
        foreach ((string name, StoredScene scene) in stored)
        {
            SceneState? state = FindScene(name);
            if (state is null)
            {
                skipped.Add($"scene {name} (the show has no such scene)");
                continue;
            }

            Dictionary<ValueTarget, SceneValue> byTarget = scene.Values.GroupBy(v => v.Target).ToDictionary(g => g.Key, g => g.Last());
            int replaced = 0;
            var values = new List<SceneValue>(state.Values.Count);
            foreach (SceneValue value in state.Values)
            {
                if (byTarget.Remove(value.Target, out SceneValue? saved))
                {
                    values.Add(saved);
                    replaced++;
                }
                else
                {
                    values.Add(value);
                }
            }

            skipped.AddRange(byTarget.Keys.Select(t => $"{name}: {t} (not in the scene any more)"));
            state.Values = values;
            state.Saved = scene.Saved;
            loaded.Add($"{name} ({replaced} of {values.Count} value(s), stored {scene.Saved:yyyy-MM-dd HH:mm:ss}Z)");
        }

        CuesLog.SnapshotsLoaded(Log, full, loaded.Count == 0 ? "none of the show's scenes" : string.Join(", ", loaded));
        if (skipped.Count > 0)
        {
            CuesLog.SnapshotsSkipped(Log, full, string.Join("; ", skipped));
        }
    }

    /// <summary>Writes every snapshotted scene to the snapshot file; the text to add to the command's answer.</summary>
    private string SaveSnapshots()
    {
        if (_settings.Cues.SnapshotFile is not { } path)
        {
            return string.Empty;
        }

        string full = Path.GetFullPath(path);
        try
        {
            SceneSnapshotFile.Save(full, _scenes.Where(s => s.Saved is not null).Select(s => (s.Name, new StoredScene(s.Saved!.Value, s.Values))));
            return $"; saved in {full}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _snapshotSaveFailures++;
            CuesLog.SnapshotNotSaved(Log, full, ex.Message);
            return $"; NOT saved in {full} ({ex.Message}): the snapshot holds until the node stops";
        }
    }
}
