# HocTapSuotDoi: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
# The same steps run in the test suite (PublishedAppTests): publish, start the published output, hit /health.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props HocTapSuotDoi.sln appsettings.json ./
COPY App/HocTapSuotDoi.csproj App/
RUN dotnet restore App/HocTapSuotDoi.csproj
COPY wwwroot-assets/ wwwroot-assets/
COPY App/ App/
RUN dotnet publish App/HocTapSuotDoi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata curl \
    && rm -rf /var/lib/apt/lists/*
ENV TZ=Asia/Ho_Chi_Minh \
    ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080 \
    Storage__DataDirectory=/data \
    DOTNET_RUNNING_IN_CONTAINER=true
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown -R app:app /data
USER app
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "HocTapSuotDoi.dll"]
