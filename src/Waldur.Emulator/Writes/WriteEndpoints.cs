using System.Text;
using System.Text.RegularExpressions;
using Waldur.Emulator.Data;
using Waldur.Emulator.Data.Core;
using Waldur.Emulator.Waldur;
using static Waldur.Emulator.Writes.WriteAccess;

namespace Waldur.Emulator.Writes;

/// <summary>The outcome of a write: status, JSON body (null: no body), <c>Location</c> for creates.</summary>
internal sealed record WriteResult(int Status, string? Json, string? Location = null)
{
    public static WriteResult Detail(int status, string message) => new(status, JsonText.Detail(message));

    /// <summary>A <c>ValidationError</c> raised outside a serializer's <c>validate</c> (a view validator or <c>create</c>):
    /// DRF renders its list detail as a bare array, <c>["message"]</c>.</summary>
    public static WriteResult List(string message) => new(400, "[" + DrfBody.JsonString(message) + "]");

    public static readonly WriteResult Forbidden = Detail(403, "You do not have permission to perform this action.");
}

/// <summary>One write request after authentication: the caller, the parsed body, the request's base url.</summary>
internal sealed record WriteRequest(string Token, CoreCaller Caller, DrfBody Body, string BaseUrl);

/// <summary>
/// The write operations the emulator serves (issue 22), each following its Waldur view, serializer and permission
/// code (paths under waldur-mastermind's <c>src/</c>). DRF's order of checks for detail routes is kept
/// (<c>waldur_core/core/views.py ActionsViewSet.initial → validate_object_action</c>): the object (404 when not in the
/// caller's queryset) → the action's permissions (403) → the action's validators (409 <c>IncorrectStateException</c> /
/// 400) → the serializer (400) → the action. Every write runs under the data set's write lock and moves its version.
/// </summary>
internal sealed partial class WriteEndpoints(EmulatorDataset dataset, ResourceRegistry registry, Provisioner provisioner)
{
    private CoreData Core => dataset.Core;

    public static bool IsWriteMethod(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>The handler for <paramref name="method"/> on <paramref name="path"/>, with the route's <c>Allow</c> header
    /// value; null when the emulator has no such write (the caller then answers as before: 405, or Django's 404).</summary>
    public (Func<WriteRequest, WriteResult> Handler, string Allow, bool Partial)? Match(string method, string path)
    {
        var m = WritePath().Match(path);
        if (!m.Success)
        {
            return null;
        }

        var list = m.Groups["list"].Value;
        var uuid = m.Groups["uuid"].Success ? m.Groups["uuid"].Value : null;
        var action = m.Groups["action"].Success ? m.Groups["action"].Value : null;
        const string Detail = "GET, PUT, PATCH, DELETE, HEAD, OPTIONS";
        const string ListAllow = "GET, POST, HEAD, OPTIONS";
        const string Post = "POST, OPTIONS";
        var post = HttpMethods.IsPost(method);
        var patch = HttpMethods.IsPatch(method);
        var put = HttpMethods.IsPut(method);
        var delete = HttpMethods.IsDelete(method);
        return (list, uuid, action) switch
        {
            ("projects", null, null) when post => (CreateProject, ListAllow, false),
            ("projects", { } u, null) when patch || put => (r => UpdateProject(r, u), Detail, patch),
            ("projects", { } u, null) when delete => (r => DeleteProject(r, u), Detail, false),
            ("customers", { } u, null) when patch || put => (r => UpdateCustomer(r, u), Detail, patch),
            ("marketplace-orders", null, null) when post => (CreateOrder, ListAllow, false),
            ("marketplace-orders", { } u, "approve_by_consumer" or "approve_by_provider" or "reject_by_consumer" or "reject_by_provider" or "cancel") when post
                => (r => OrderAction(r, u, action!), Post, false),
            ("marketplace-resources", { } u, null) when patch || put => (r => UpdateResource(r, u), "GET, PUT, PATCH, HEAD, OPTIONS", patch),
            ("marketplace-resources", { } u, "terminate" or "switch_plan" or "update_limits") when post => (r => ResourceAction(r, u, action!), Post, false),
            ("openstack-instances", { } u, "start" or "stop" or "restart") when post => (r => InstanceAction(r, u, action!), Post, false),
            ("digitalocean-droplets", null, null) when post => (CreateDroplet, ListAllow, false),
            ("digitalocean-droplets", { } u, null) when delete => (r => DeleteDroplet(r, u), Detail, false),
            ("digitalocean-droplets", { } u, "start" or "stop" or "restart" or "resize") when post => (r => DropletAction(r, u, action!), Post, false),
            _ => null,
        };
    }

    [GeneratedRegex("^/api/(?<list>projects|customers|marketplace-orders|marketplace-resources|openstack-instances|digitalocean-droplets)/(?:(?<uuid>[^/.]+)/(?:(?<action>[a-z_]+)/)?)?$")]
    private static partial Regex WritePath();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>
    /// Waldur gives a created object a random uuid4; the emulator derives it from the list and the new row's id, so the
    /// n-th object created in a list always has the same uuid and journals and snapshots of writes repeat exactly.
    /// </summary>
    private static string NewUuid(string list, int id) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"created:{list}:{id}"))[..16]);

    private string Json<TRow>(TRow row, string baseUrl)
        where TRow : class =>
        registry.Resources.OfType<ResourceTable<TRow>>().First().Json(row, baseUrl, null);

    /// <summary><c>get_object()</c>: the row with that uuid in the caller's queryset, else DRF's 404.</summary>
    private T? Find<T>(IEnumerable<T> rows, string raw, string token, string listPath, Func<T, string> uuid)
        where T : class
    {
        var normalized = UuidLookup.Normalize(raw);
        return normalized is null ? null : rows.FirstOrDefault(r => uuid(r) == normalized && dataset.IsVisibleTo(token, listPath, r));
    }

    private static WriteResult NotFound(string model) => WriteResult.Detail(404, $"No {model} matches the given query.");

    /// <summary><c>waldur_core/core/validators.py StateValidator</c>: 409 "Valid states for operation: OK, Erred." (the
    /// states' display names, in the validator's order).</summary>
    private static WriteResult? States(string state, params string[] valid) =>
        valid.Contains(state, StringComparer.Ordinal) ? null : WriteResult.Detail(409, "Valid states for operation: " + string.Join(", ", valid.Select(Display)) + ".");

    /// <summary><c>RuntimeStateValidator</c>: 409 "Valid runtime states for operation: SHUTOFF." (raw values).</summary>
    private static WriteResult? RuntimeStates(string runtime, params string[] valid) =>
        valid.Contains(runtime, StringComparer.Ordinal) ? null : WriteResult.Detail(409, "Valid runtime states for operation: " + string.Join(", ", valid) + ".");

    // CoreStates.CHOICES display names (waldur_core/core/models.py StateMixin.States); order and resource states are
    // already their display names.
    private static string Display(string state) => state switch
    {
        "CREATION_SCHEDULED" => "Creation Scheduled",
        "CREATING" => "Creating",
        "UPDATE_SCHEDULED" => "Update Scheduled",
        "UPDATING" => "Updating",
        "DELETION_SCHEDULED" => "Deletion Scheduled",
        "DELETING" => "Deleting",
        "ERRED" => "Erred",
        _ => state,
    };

    /// <summary><c>structure/utils.py check_customer_blocked_or_archived</c> (blocked is not modelled).</summary>
    private static WriteResult? CustomerUsable(CoreCustomer customer) =>
        customer.Archived ? WriteResult.List("Archived organization is not available.") : null;

    /// <summary><c>structure/utils.py check_project_end_date</c>: <c>Project.is_expired</c> (end date before today).</summary>
    private static WriteResult? ProjectNotExpired(CoreProject project) =>
        project.EndDate is { } end && end < DateOnly.FromDateTime(DateTime.UtcNow) ? WriteResult.List($"Project '{project.Name}' is expired.") : null;

    private static WriteResult Invalid(DrfBody body) => new(400, body.ErrorsJson());

    // --- hyperlinked references -------------------------------------------------------------------------------------

    private bool Resolves(string path) => WaldurRoute.Match(path, registry) is not null;

    private CoreCustomer? CustomerLink(WriteRequest r, string name, bool required) => r.Body.Link(name, required,
        p => DrfBody.DetailUuid(p, "/api/customers/") is not null,
        p => UuidLookup.Normalize(DrfBody.DetailUuid(p, "/api/customers/")!) is { } u
            ? Core.Customers.FirstOrDefault(c => c.Uuid == u && dataset.IsVisibleTo(r.Token, "/api/customers/", c)) : null,
        Resolves);

    private CoreProject? ProjectLink(WriteRequest r, string name) => r.Body.Link(name, true,
        p => DrfBody.DetailUuid(p, "/api/projects/") is not null,
        p => UuidLookup.Normalize(DrfBody.DetailUuid(p, "/api/projects/")!) is { } u
            ? Core.Projects.FirstOrDefault(x => x.Uuid == u && dataset.IsVisibleTo(r.Token, "/api/projects/", x)) : null,
        Resolves);

    // --- projects (waldur_core/structure/views.py ProjectViewSet, serializers.py ProjectSerializer) ------------------

    /// <summary>The ProjectSerializer fields the emulator reads, in serializer order; null values are "not given".</summary>
    private sealed record ProjectFields(string? Name, string? Slug, CoreCustomer? Customer, string? Description, string? BackendId,
        DateOnly? StartDate, bool StartNull, DateOnly? EndDate, bool EndNull);

    private ProjectFields ReadProject(WriteRequest r, bool creating)
    {
        var b = r.Body;
        var name = b.Char("name", required: true, maxLength: 500, allowBlank: false);
        var slug = b.Slug("slug");
        // PermissionFieldFilteringMixin.get_filtered_field_names = ("customer",): only visible customers resolve.
        var customer = creating || b.Has("customer") ? CustomerLink(r, "customer", required: true) : null;
        // validate_description: clean_html(value.strip()).
        var description = b.Char("description");
        var backendId = b.Char("backend_id", maxLength: 255);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = b.Date("start_date", allowNull: true, out var startNull);
        if (start is { } s && s < today)
        {
            // validate_start_date raises ValidationError({"start_date": …}) inside a field validator: DRF nests the dict.
            b.ErrorJson("start_date", "{\"start_date\":[\"Cannot be earlier than the current date.\"]}");
        }

        var end = b.Date("end_date", allowNull: true, out var endNull);
        if (end is { } e && e < today)
        {
            b.ErrorJson("end_date", "{\"end_date\":[\"Cannot be earlier than the current date.\"]}");
        }

        b.Bool("is_industry");
        b.Choice("kind", ["default", "course", "public"]);
        b.Char("staff_notes");
        b.Integer("grace_period_days", 0, 2147483647, allowNull: true);
        return new ProjectFields(name, slug, customer, description, backendId, start, startNull, end, endNull);
    }

    // Keys the emulator does not model but keeps as written (shown by later reads).
    private static void KeepProjectExtras(CoreProject project, DrfBody body)
    {
        foreach (var key in (string[])["is_industry", "kind", "staff_notes", "grace_period_days"])
        {
            if (body.Data.TryGetProperty(key, out var value))
            {
                project.Written[key] = value.ValueKind == System.Text.Json.JsonValueKind.String
                    ? DrfBody.JsonString(value.GetString()!.Trim()) : value.GetRawText();
            }
        }
    }

    /// <summary>POST /api/projects/: <c>ProjectViewSet.create</c> → serializer (400) → <c>perform_create</c>:
    /// <c>check_customer_blocked_or_archived</c> (400) and <c>has_permission(CREATE_PROJECT, customer)</c> (403) → 201
    /// with the project and <c>Location</c> (DRF <c>CreateModelMixin.get_success_headers</c>).</summary>
    private WriteResult CreateProject(WriteRequest r)
    {
        var f = ReadProject(r, creating: true);
        if (r.Body.HasErrors)
        {
            return Invalid(r.Body);
        }

        // ProjectSerializer.validate: an end_date needs PROJECT.DELETE on the customer.
        if (f.EndDate is not null && !CreateOrDeleteProject(r.Caller, f.Customer!))
        {
            return WriteResult.Forbidden;
        }

        if (CustomerUsable(f.Customer!) is { } blocked)
        {
            return blocked;
        }

        if (!CreateOrDeleteProject(r.Caller, f.Customer!))
        {
            return WriteResult.Forbidden;
        }

        var now = Now;
        var id = Core.Projects.Count == 0 ? 1 : Core.Projects.Max(p => p.Id) + 1;
        // SlugSerializerMixin / SlugMixin: a slug from the name when none is given.
        var slug = f.Slug ?? Slugify(f.Name!);
        var project = new CoreProject(id, NewUuid("projects", id), f.Name!, slug, f.Customer!, f.Description ?? "", f.BackendId ?? "", now, now, f.StartDate, f.EndDate);
        KeepProjectExtras(project, r.Body);
        Core.Projects = [.. Core.Projects, project];
        var url = r.BaseUrl + "/api/projects/" + project.Uuid + "/";
        return new WriteResult(201, Json(project, r.BaseUrl), url);
    }

    /// <summary>PUT/PATCH /api/projects/{uuid}/: 404 → <c>update_permissions</c> =
    /// <c>permission_factory(UPDATE_PROJECT, ["*", "customer"])</c> (403) → <c>partial_update_validators</c>
    /// (<c>check_customer_blocked_or_archived</c>, 400) → <c>ProjectSerializer</c> (400; PUT requires name and customer)
    /// → 200 with the project. [Simplification] A different <c>customer</c> is validated but not applied (moving a
    /// project is <c>move_project</c>, staff only).</summary>
    private WriteResult UpdateProject(WriteRequest r, string uuid)
    {
        var project = Find(Core.Projects, uuid, r.Token, "/api/projects/", p => p.Uuid);
        if (project is null)
        {
            return NotFound("Project");
        }

        if (!WriteAccess.UpdateProject(r.Caller, project))
        {
            return WriteResult.Forbidden;
        }

        if (r.Body.Partial && CustomerUsable(project.Customer) is { } blocked)
        {
            return blocked;
        }

        var f = ReadProject(r, creating: !r.Body.Partial);
        if (r.Body.HasErrors)
        {
            return Invalid(r.Body);
        }

        if (f.EndDate is not null && !CreateOrDeleteProject(r.Caller, project.Customer))
        {
            return WriteResult.Forbidden;
        }

        project.Name = f.Name ?? project.Name;
        project.Slug = f.Slug ?? project.Slug;
        project.Description = f.Description ?? project.Description;
        project.BackendId = f.BackendId ?? project.BackendId;
        project.StartDate = f.StartNull ? null : f.StartDate ?? project.StartDate;
        project.EndDate = f.EndNull ? null : f.EndDate ?? project.EndDate;
        project.Modified = Now;
        KeepProjectExtras(project, r.Body);
        return new WriteResult(200, Json(project, r.BaseUrl));
    }

    /// <summary>DELETE /api/projects/{uuid}/: 404 → <c>destroy_permissions</c> = <c>permission_factory(DELETE_PROJECT,
    /// ["customer"])</c> (403; a project member or manager is refused) → <c>destroy_validators</c>:
    /// <c>check_customer_blocked_or_archived</c>, <c>project_is_empty</c> (400 ["Project contains active resources. …"])
    /// → 204, and the project leaves every list (Waldur soft-deletes: <c>available_objects</c> no longer has it).</summary>
    private WriteResult DeleteProject(WriteRequest r, string uuid)
    {
        var project = Find(Core.Projects, uuid, r.Token, "/api/projects/", p => p.Uuid);
        if (project is null)
        {
            return NotFound("Project");
        }

        if (!CreateOrDeleteProject(r.Caller, project.Customer))
        {
            return WriteResult.Forbidden;
        }

        if (CustomerUsable(project.Customer) is { } blocked)
        {
            return blocked;
        }

        if (Core.Resources.Any(x => x.Project == project && x.State != "Terminated"))
        {
            return WriteResult.List("Project contains active resources. Please remove them before deleting project.");
        }

        Core.Projects = [.. Core.Projects.Where(p => p != project)];
        return new WriteResult(204, null);
    }

    private static string Slugify(string name)
    {
        // django.utils.text.slugify: ASCII, lower case, [^\w\s-] removed, whitespace/dashes collapsed to "-".
        var ascii = new string(name.Normalize(NormalizationForm.FormKD).Where(c => c < 128).ToArray()).ToLowerInvariant();
        var cleaned = Regex.Replace(ascii, "[^\\w\\s-]", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        var slug = Regex.Replace(cleaned, "[-\\s]+", "-", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim('-', '_');
        return slug.Length > 50 ? slug[..50] : slug;
    }

    // --- customers (structure/views.py CustomerViewSet, serializers.py CustomerSerializer) ------------------------

    /// <summary>PUT/PATCH /api/customers/{uuid}/: 404 (customers outside the caller's C7 scope) → serializer (400; PUT
    /// requires name) → <c>perform_update</c>: <c>has_permission(UPDATE_CUSTOMER, customer)</c> (403; a project member
    /// sees its customer but may not change it) → 200 with the customer. The CustomerRequest fields are validated with
    /// their model limits; name, native_name, abbreviation, email, contact_details, agreement_number,
    /// registration_code, domain and backend_id change the modelled row, the others are kept as written.</summary>
    private WriteResult UpdateCustomer(WriteRequest r, string uuid)
    {
        var customer = Find(Core.Customers, uuid, r.Token, "/api/customers/", c => c.Uuid);
        if (customer is null)
        {
            return NotFound("Customer");
        }

        var b = r.Body;
        var backendId = b.Char("backend_id", maxLength: 255);
        b.Bool("blocked");
        var archived = b.Bool("archived");
        b.Bool("display_billing_info_in_projects");
        b.Integer("sponsor_number", 0, 2147483647, allowNull: true);
        b.Integer("max_service_accounts", 0, 32767, allowNull: true);
        b.Integer("grace_period_days", 0, 2147483647, allowNull: true);
        var name = b.Char("name", required: true, maxLength: 150, allowBlank: false);
        var slug = b.Slug("slug");
        var nativeName = b.Char("native_name", maxLength: 160);
        var abbreviation = b.Char("abbreviation", maxLength: 12);
        b.Char("description", maxLength: 4096);
        var contact = b.Char("contact_details", maxLength: 500);
        var agreement = b.Char("agreement_number", maxLength: 160);
        var email = b.Email("email", 75);
        b.Char("phone_number", maxLength: 255);
        b.Char("access_subnets");
        var registration = b.Char("registration_code", maxLength: 160);
        b.Char("homepage", maxLength: 255);
        var domain = b.Char("domain", maxLength: 255);
        b.Char("vat_code", maxLength: 20);
        b.Char("postal", maxLength: 20);
        b.Char("address", maxLength: 300);
        b.Char("bank_name", maxLength: 150);
        b.Char("bank_account", maxLength: 50);
        b.Char("notification_emails", maxLength: 640);
        if (b.HasErrors)
        {
            return Invalid(b);
        }

        if (!WriteAccess.UpdateCustomer(r.Caller, customer))
        {
            return WriteResult.Forbidden;
        }

        customer.Name = name ?? customer.Name;
        customer.Slug = slug ?? customer.Slug;
        customer.NativeName = nativeName ?? customer.NativeName;
        customer.Abbreviation = abbreviation ?? customer.Abbreviation;
        customer.ContactDetails = contact ?? customer.ContactDetails;
        customer.AgreementNumber = agreement ?? customer.AgreementNumber;
        customer.Email = email ?? customer.Email;
        customer.RegistrationCode = registration ?? customer.RegistrationCode;
        customer.Domain = domain ?? customer.Domain;
        customer.BackendId = backendId ?? customer.BackendId;
        customer.Archived = archived ?? customer.Archived;
        foreach (var key in (string[])["blocked", "display_billing_info_in_projects", "sponsor_number", "max_service_accounts", "grace_period_days",
            "description", "phone_number", "access_subnets", "homepage", "vat_code", "postal", "address", "bank_name", "bank_account", "notification_emails"])
        {
            if (b.Data.TryGetProperty(key, out var value))
            {
                customer.Written[key] = value.ValueKind == System.Text.Json.JsonValueKind.String ? DrfBody.JsonString(value.GetString()!.Trim()) : value.GetRawText();
            }
        }

        return new WriteResult(200, Json(customer, r.BaseUrl));
    }
}
