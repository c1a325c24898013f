using Waldur.Emulator.Data;
using Waldur.Emulator.Data.Core;
using Waldur.Emulator.Waldur;
using static Waldur.Emulator.Writes.WriteAccess;

namespace Waldur.Emulator.Writes;

/// <summary>OpenStack instance actions (<c>waldur_openstack/views.py InstanceViewSet</c>) and DigitalOcean droplets
/// (<c>waldur_digitalocean/views.py DropletViewSet</c>, <c>serializers.py DropletSerializer</c>).</summary>
internal sealed partial class WriteEndpoints
{
    private static WriteResult Scheduled(string action) => new(202, "{\"status\":" + DrfBody.JsonString(action + " was scheduled") + "}");

    /// <summary>
    /// POST /api/openstack-instances/{uuid}/start|stop|restart/: 404 → <c>is_administrator</c> (403; structure
    /// <c>ResourceViewSet.unsafe_methods_permissions</c>) → validators, in order: start <c>_can_start_instance</c> (409
    /// "Instance is already active."), <c>StateValidator(OK)</c>, <c>RuntimeStateValidator(SHUTOFF)</c>; stop "Instance is
    /// already stopped.", OK, ACTIVE; restart "Please start instance first.", OK, ACTIVE → the executor
    /// (<c>InstanceStartExecutor</c>…, an <c>ActionExecutor</c>: <c>UPDATE_SCHEDULED</c>) → 202 {"status": "start was
    /// scheduled"}; after the delay OK with runtime state ACTIVE (start, restart) or SHUTOFF (stop).
    /// </summary>
    private WriteResult InstanceAction(WriteRequest r, string uuid, string action)
    {
        var instance = Find(Core.Instances, uuid, r.Token, "/api/openstack-instances/", i => i.Uuid);
        if (instance is null)
        {
            return NotFound("Instance");
        }

        if (!Admin(r.Caller, instance.Project))
        {
            return WriteResult.Forbidden;
        }

        var ok = instance.State == "OK";
        var conflict = action switch
        {
            "start" when ok && instance.RuntimeState == "ACTIVE" => WriteResult.Detail(409, "Instance is already active."),
            "stop" when ok && instance.RuntimeState == "SHUTOFF" => WriteResult.Detail(409, "Instance is already stopped."),
            "restart" when ok && instance.RuntimeState == "SHUTOFF" => WriteResult.Detail(409, "Please start instance first."),
            _ => States(instance.State, "OK") ?? RuntimeStates(instance.RuntimeState, action == "start" ? "SHUTOFF" : "ACTIVE"),
        };
        if (conflict is not null)
        {
            return conflict;
        }

        instance.State = "UPDATE_SCHEDULED";
        instance.Modified = Now;
        provisioner.Later(() =>
        {
            instance.State = "OK";
            instance.RuntimeState = action == "stop" ? "SHUTOFF" : "ACTIVE";
            instance.StartTime = action == "stop" ? null : Now;
            instance.Modified = Now;
        });
        return Scheduled(action);
    }

    // Droplets belong to the droplet data set's projects; a non-staff caller administers one when it has admin access to
    // the core project with the same uuid (the seeded droplets' projects are not core projects: staff only).
    private bool DropletAdmin(CoreCaller caller, EmulatorDroplet droplet) =>
        caller.IsStaff || (Core.Projects.FirstOrDefault(p => p.Uuid == droplet.Project.Uuid) is { } project && Admin(caller, project));

    private EmulatorDroplet? FindDroplet(string raw) => UuidLookup.Normalize(raw) is { } u ? dataset.FindDroplet(u) : null;

    private static T? ByUuid<T>(IEnumerable<T> rows, string path, string prefix, Func<T, string> uuid)
        where T : class =>
        UuidLookup.Normalize(DrfBody.DetailUuid(path, prefix) ?? "") is { } u ? rows.FirstOrDefault(x => uuid(x) == u) : null;

    private T? DoLink<T>(WriteRequest r, string name, bool required, string prefix, IEnumerable<T> rows, Func<T, string> uuid)
        where T : class =>
        r.Body.Link(name, required, p => DrfBody.DetailUuid(p, prefix) is not null, p => ByUuid(rows, p, prefix, uuid), Resolves);

    /// <summary>
    /// POST /api/digitalocean-droplets/ (<c>DropletSerializer</c> over <c>VirtualMachineSerializer</c>): name (≤ 150),
    /// description (≤ 4096), service_settings (a DigitalOcean service settings url), project (a visible project url),
    /// ssh_public_key (a <c>/api/keys/{uuid}/</c> url [UNVERIFIED: keys are not rows here, any uuid resolves]),
    /// user_data, region, image, size (urls of existing rows) → 400; <c>validate</c>: hostname characters in the name,
    /// image and size offered in the region, the size's disk not below the image's minimum (400 {"field": [..]}) → the
    /// caller needs admin access to the project (403) → 201 with the droplet in <c>CREATION_SCHEDULED</c> (cores, ram,
    /// disk from the size, <c>DropletViewSet.perform_create</c>); after the delay OK / online.
    /// </summary>
    private WriteResult CreateDroplet(WriteRequest r)
    {
        var b = r.Body;
        var name = b.Char("name", required: true, maxLength: 150, allowBlank: false);
        var description = b.Char("description", maxLength: 4096);
        var settingsList = dataset.Droplets.Select(d => d.ServiceSettings).Distinct().ToList();
        var settings = DoLink(r, "service_settings", true, "/api/service-settings/", settingsList, s => s.Uuid);
        var project = ProjectLink(r, "project");
        r.Body.Link<string>("ssh_public_key", false, p => DrfBody.DetailUuid(p, "/api/keys/") is not null,
            p => UuidLookup.Normalize(DrfBody.DetailUuid(p, "/api/keys/")!), Resolves);
        var userData = b.Char("user_data", trim: false);
        var region = DoLink(r, "region", true, "/api/digitalocean-regions/", dataset.Regions, x => x.Uuid);
        var image = DoLink(r, "image", true, "/api/digitalocean-images/", dataset.Images, x => x.Uuid);
        var size = DoLink(r, "size", true, "/api/digitalocean-sizes/", dataset.Sizes, x => x.Uuid);
        if (b.HasErrors)
        {
            return Invalid(b);
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(name!, "^[a-zA-Z0-9.-]+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            b.Error("name", "Only valid hostname characters are allowed. (a-z, A-Z, 0-9, . and -)");
        }
        else if (!image!.Regions.Contains(region!))
        {
            b.Error("image", $"Image is missing in region {region!.Name}");
        }
        else if (!size!.Regions.Contains(region!))
        {
            b.Error("size", $"Size is missing in region {region!.Name}");
        }
        else if (image.MinDiskSize is { } min && min > 0 && size.Disk < min)
        {
            b.Error("size", $"Disk provided by size {size.Name} is not enough for image {image.Name}");
        }

        if (b.HasErrors)
        {
            return Invalid(b);
        }

        if (!Admin(r.Caller, project!))
        {
            return WriteResult.Forbidden;
        }

        var now = Now;
        var customer = project!.Customer;
        var owner = new EmulatorProject(project.Uuid, project.Name, new EmulatorCustomer(customer.Uuid, customer.Name, customer.NativeName, customer.Abbreviation));
        var id = dataset.Droplets.Count == 0 ? 1 : dataset.Droplets.Max(d => d.Id) + 1;
        var droplet = new EmulatorDroplet(id, NewUuid("digitalocean-droplets", id), name!, description ?? "", settings!, owner, "CREATION_SCHEDULED", "", "", now, now, "", null,
            size!, image!, region!, userData ?? "", "", "", "", "", null);
        dataset.SetDroplets([.. dataset.Droplets, droplet]);
        var json = ResourceJson.Droplet(droplet, r.BaseUrl, null);
        provisioner.Later(() =>
        {
            if (droplet.State != "CREATION_SCHEDULED")
            {
                return;
            }

            droplet.State = "OK";
            droplet.RuntimeState = "online";
            droplet.StartTime = Now;
            droplet.Modified = Now;
        });
        return new WriteResult(201, json, r.BaseUrl + ResourceJson.DropletsPath + droplet.Uuid + "/");
    }

    /// <summary>
    /// POST /api/digitalocean-droplets/{uuid}/start|stop|restart|resize/: 404 → <c>is_administrator</c> (403) →
    /// validators (start: <c>StateValidator(OK)</c>, <c>RuntimeStateValidator(offline)</c>; stop/restart: OK, online;
    /// resize: OK) → 202 {"status": "start was scheduled"}; resize reads <c>DropletResizeSerializer</c> (size url required,
    /// disk boolean required; "New size is the same. Please select another one.", "Disk sizes are not allowed to be
    /// decreased through a resize operation.") and sets cores and ram (disk only with <c>disk: true</c>) before answering
    /// 202 {"detail": "resizing was scheduled"}. Then <c>UPDATE_SCHEDULED</c>, and after the delay OK with runtime state
    /// online (start, restart) or offline (stop, resize).
    /// </summary>
    private WriteResult DropletAction(WriteRequest r, string uuid, string action)
    {
        var droplet = FindDroplet(uuid);
        if (droplet is null)
        {
            return NotFound("Droplet");
        }

        if (!DropletAdmin(r.Caller, droplet))
        {
            return WriteResult.Forbidden;
        }

        var conflict = States(droplet.State, "OK") ?? action switch
        {
            "start" => RuntimeStates(droplet.RuntimeState, "offline"),
            "stop" or "restart" => RuntimeStates(droplet.RuntimeState, "online"),
            _ => null,
        };
        if (conflict is not null)
        {
            return conflict;
        }

        var result = Scheduled(action);
        if (action == "resize")
        {
            var b = r.Body;
            var size = DoLink(r, "size", true, "/api/digitalocean-sizes/", dataset.Sizes, x => x.Uuid);
            if (size is not null && size.Disk == droplet.Disk && size.Cores == droplet.Cores && size.Ram == droplet.Ram)
            {
                b.Error("size", "New size is the same. Please select another one.");
            }
            else if (size is not null && size.Disk < droplet.Disk)
            {
                b.Error("size", "Disk sizes are not allowed to be decreased through a resize operation.");
            }

            var disk = b.Bool("disk", required: true);
            if (b.HasErrors)
            {
                return Invalid(b);
            }

            droplet.Cores = size!.Cores;
            droplet.Ram = size.Ram;
            if (disk == true)
            {
                droplet.Disk = size.Disk;
            }

            result = new WriteResult(202, "{\"detail\":\"resizing was scheduled\"}");
        }

        droplet.State = "UPDATE_SCHEDULED";
        droplet.Modified = Now;
        provisioner.Later(() =>
        {
            droplet.State = "OK";
            droplet.RuntimeState = action is "start" or "restart" ? "online" : "offline";
            droplet.Modified = Now;
        });
        return result;
    }

    /// <summary>DELETE /api/digitalocean-droplets/{uuid}/: 404 → 403 → <c>destroy_validators</c> =
    /// <c>StateValidator(OK, ERRED)</c> (409 "Valid states for operation: OK, Erred.") →
    /// <c>core/mixins.py DeleteExecutorMixin.destroy</c>: 202 {"detail": "Deletion was scheduled."} (not the spec's 204),
    /// <c>DELETION_SCHEDULED</c>, and after the delay the droplet is gone (<c>DeletionTask</c>).</summary>
    private WriteResult DeleteDroplet(WriteRequest r, string uuid)
    {
        var droplet = FindDroplet(uuid);
        if (droplet is null)
        {
            return NotFound("Droplet");
        }

        if (!DropletAdmin(r.Caller, droplet))
        {
            return WriteResult.Forbidden;
        }

        if (States(droplet.State, "OK", "ERRED") is { } conflict)
        {
            return conflict;
        }

        droplet.State = "DELETION_SCHEDULED";
        droplet.Modified = Now;
        provisioner.Later(() => dataset.SetDroplets([.. dataset.Droplets.Where(d => d != droplet)]));
        return WriteResult.Detail(202, "Deletion was scheduled.");
    }
}
