# syntax=docker/dockerfile:1
# Waldur GraphGateway: docker build -t waldur-graphgateway . && docker run -p 8080:8080 -e Waldur__BaseUrl=https://waldur.example.com/ waldur-graphgateway
# Without Waldur__BaseUrl the container serves against its embedded emulator (demo data, token "demo-token").

# 1. The IDE assets: Banana Cake Pop from npm, exactly as pinned by the lock file.
FROM node:20-bookworm-slim AS ide
WORKDIR /src/src/Waldur.GraphGateway/ide
COPY src/Waldur.GraphGateway/ide/package.json src/Waldur.GraphGateway/ide/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# 2. Restore with only the project files (a cached layer until a project or package version changes), then publish.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# .editorconfig and BannedSymbols.txt carry analyzer severities: without them the build would differ from the repository's.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig BannedSymbols.txt ./
COPY src/Waldur.GraphGateway/Waldur.GraphGateway.csproj src/Waldur.GraphGateway/
COPY src/Waldur.Emulator/Waldur.Emulator.csproj src/Waldur.Emulator/
COPY src/Waldur.Catalog/Waldur.Catalog.csproj src/Waldur.Catalog/
# --ucr on both: ReadyToRun (the csproj's PublishReadyToRun) compiles for this platform, so restore fetches its packs.
RUN dotnet restore src/Waldur.GraphGateway/Waldur.GraphGateway.csproj --ucr
COPY src/ src/
# The IDE package is already here, so the build's npm step is skipped (the SDK image has no Node).
COPY --from=ide /src/src/Waldur.GraphGateway/ide/node_modules src/Waldur.GraphGateway/ide/node_modules
RUN dotnet publish src/Waldur.GraphGateway/Waldur.GraphGateway.csproj -c Release -o /app --no-restore --ucr --self-contained false

# 3. Runtime: ASP.NET only, as the image's non-root user, on 8080.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
# Probes: GET /healthz (alive) and GET /readyz (Waldur answers); the image has no curl, so orchestrators probe over HTTP.
ENTRYPOINT ["dotnet", "Waldur.GraphGateway.dll"]
