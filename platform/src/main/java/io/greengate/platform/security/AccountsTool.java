package io.greengate.platform.security;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Command line for the launcher: {@code token <name> <roles>} prints a new token on the first line and its
 * account line on the second; {@code user <name> <roles>} reads a password on stdin and prints the account line.
 */
public final class AccountsTool {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: AccountsTool token|user <name> <roles>");
            System.exit(2);
        }
        Set<String> roles = Account.parse("token x " + args[2] + " sha256:x").roles();
        if (args[0].equals("token")) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = "ggt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            System.out.println(token);
            System.out.println(new Account(Account.Kind.TOKEN, args[1], roles, AccountStore.sha256(token)).toLine());
        } else {
            String password = new String(System.in.readAllBytes()).strip();
            if (password.length() < 8) {
                System.err.println("a password has at least 8 characters");
                System.exit(2);
            }
            System.out.println(new Account(Account.Kind.USER, args[1], roles, BcryptUtil.bcryptHash(password)).toLine());
        }
    }
}
