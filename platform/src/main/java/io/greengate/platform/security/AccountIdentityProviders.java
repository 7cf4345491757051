package io.greengate.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token, a reviewer's user name and password, or a logged-in session (form login: the name only)
 * into an identity with the account's roles. Accounts are looked up each time, so a removed user or a changed
 * role takes effect at once.
 */
public final class AccountIdentityProviders {

    private AccountIdentityProviders() {
    }

    static SecurityIdentity identityOf(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.name()))
                .addRoles(account.roles())
                .addAttribute("accountKind", account.kind().name())
                .build();
    }

    @ApplicationScoped
    public static class Tokens implements IdentityProvider<TokenAuthenticationRequest> {
        private final AccountStore accounts;

        public Tokens(AccountStore accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> accounts.findByToken(request.getToken().getToken())
                    .map(AccountIdentityProviders::identityOf)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown API token")));
        }
    }

    @ApplicationScoped
    public static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        private final AccountStore accounts;

        public Passwords(AccountStore accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return context.runBlocking(() -> accounts.findByPassword(request.getUsername(),
                            new String(request.getPassword().getPassword()))
                    .map(AccountIdentityProviders::identityOf)
                    .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password")));
        }
    }

    @ApplicationScoped
    public static class Sessions implements IdentityProvider<TrustedAuthenticationRequest> {
        private final AccountStore accounts;

        public Sessions(AccountStore accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return context.runBlocking(() -> accounts.findUser(request.getPrincipal())
                    .map(AccountIdentityProviders::identityOf)
                    .orElseThrow(() -> new AuthenticationFailedException("the logged-in user no longer exists")));
        }
    }
}
